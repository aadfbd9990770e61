# Find a JDK 25 or newer on this machine: sourced by bin/fiberize and benchmarks/run-macro.
# shellcheck shell=bash

minimum_jdk=25

# Print the feature release of the java launcher $1 (8 for 1.8.0_x, 25 for 25.0.1), or nothing.
feature_of() {
  local version
  version=$("$1" -version 2>&1 | sed -n 's/^.* version "\([^"]*\)".*$/\1/p' | head -n 1) || true
  version=${version#1.}
  printf '%s\n' "${version%%[!0-9]*}"
}

# Print the java launcher to use: $JAVA_HOME's if new enough, else the newest new enough in /usr/lib/jvm.
find_java() {
  local candidate feature best="" best_feature=0
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    feature=$(feature_of "$JAVA_HOME/bin/java")
    if [[ -n "$feature" ]] && (( feature >= minimum_jdk )); then
      printf '%s\n' "$JAVA_HOME/bin/java"
      return
    fi
  fi
  for candidate in /usr/lib/jvm/*/bin/java; do
    [[ -x "$candidate" ]] || continue
    feature=$(feature_of "$candidate")
    if [[ -n "$feature" ]] && (( feature >= minimum_jdk && feature > best_feature )); then
      best=$candidate
      best_feature=$feature
    fi
  done
  if [[ -z "$best" ]]; then
    echo "fiberize: no JDK $minimum_jdk or newer found: looked at \$JAVA_HOME (${JAVA_HOME:-not set})" \
      "and /usr/lib/jvm/*/bin/java; install one (e.g. Temurin $minimum_jdk) or set JAVA_HOME to it." >&2
    exit 1
  fi
  printf '%s\n' "$best"
}
