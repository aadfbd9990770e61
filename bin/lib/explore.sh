# bin/fiberize explore: run a program under many seeded schedules and stop at the first failure.
# Sourced by bin/fiberize, which defines $root, $agent_jar, find_java and ensure_built.
# shellcheck shell=bash

explore_usage() {
  cat <<EOF
Usage:
  bin/fiberize explore [options] -- <java arguments>

Runs the program under the seeded schedules S..S+N-1 (-javaagent:fiberize.jar=seed=<s>,...), in up to J
JVMs at a time, and stops at the first that fails: a non-zero exit status (4: the program is stuck), an
uncaught exception ("Exception in thread" on standard error), or a run longer than the time limit. It
prints the lowest failing seed (every seed below it ran and passed), its trace line, its exit status, the
line that says what went wrong, the end of its output and the command that replays it. FIBERIZE_OPTS
applies to every run (the seed and the schedule given here win).

Options:
  --seeds N                    how many seeds (default 1000)
  --from S                     the first seed (default 1)
  --schedule random|pct        the schedule policy (default random)
  --depth D                    with --schedule pct: the bug depth aimed at, pctDepth (default: the agent's, 3)
  --jobs J                     JVMs at a time (default: the number of CPUs, $(nproc))
  --timeout SECONDS            a run that lasts longer fails (default 60)

Exit status: 0 no seed failed, 1 a seed failed, 2 usage error.

Example:
  bin/fiberize explore --seeds 200 --schedule pct --depth 2 -- -cp app.jar com.example.Main
EOF
}

# Print the usage error $1 and exit with status 2.
explore_usage_error() {
  echo "fiberize explore: $1; try bin/fiberize explore --help" >&2
  exit 2
}

# Check that option $1's value $2 is a whole number of at least $3.
explore_number() {
  if [[ ! "$2" =~ ^[0-9]+$ ]] || (( 10#$2 < $3 )); then
    explore_usage_error "$1 $2: expected a whole number of at least $3"
  fi
}

explore() {
  local seeds=1000 from=1 schedule=random depth="" jobs timeout=60
  jobs=$(nproc)
  while (( $# > 0 )) && [[ "$1" != "--" ]]; do
    case "$1" in
      --help | -h)
        explore_usage
        return
        ;;
      --seeds | --from | --schedule | --depth | --jobs | --timeout)
        (( $# >= 2 )) || explore_usage_error "$1 needs a value"
        case "$1" in
          --seeds) explore_number "$1" "$2" 1; seeds=$((10#$2)) ;;
          --from) explore_number "$1" "$2" 0; from=$((10#$2)) ;;
          --schedule)
            [[ "$2" == random || "$2" == pct ]] || explore_usage_error "--schedule $2: expected random or pct"
            schedule=$2
            ;;
          --depth) explore_number "$1" "$2" 1; depth=$((10#$2)) ;;
          --jobs) explore_number "$1" "$2" 1; jobs=$((10#$2)) ;;
          --timeout) explore_number "$1" "$2" 1; timeout=$((10#$2)) ;;
        esac
        shift 2
        ;;
      *)
        explore_usage_error "unknown argument $1 (the java arguments come after --)"
        ;;
    esac
  done
  (( $# > 0 )) || explore_usage_error "the java arguments are missing: end the options with -- and give them"
  shift
  (( $# > 0 )) || explore_usage_error "the java arguments are missing after --"
  if [[ -n "$depth" && "$schedule" != pct ]]; then
    explore_usage_error "--depth $depth needs --schedule pct"
  fi

  local java options="schedule=$schedule${depth:+,pctDepth=$depth}"
  java=$(find_java)
  ensure_built
  explore_seeds "$java" "$options" "$from" "$seeds" "$jobs" "$timeout" "$@"
}

# Run java ($1) with the agent options $2 under seeds $3..$3+$4-1, $5 JVMs at a time, each for at most
# $6 seconds, with the java arguments that follow; report the lowest failing seed.
explore_seeds() {
  local java=$1 options=$2 from=$3 count=$4 jobs=$5 timeout=$6
  shift 6
  local work seed next=$from last=$((from + count - 1)) failed="" pid status ended
  local -A seed_of=()
  work=$(mktemp -d)
  # shellcheck disable=SC2064 # $work is fixed now
  trap "rm -rf '$work'" EXIT
  echo "fiberize explore: seeds $from..$last, $options, $jobs at a time" >&2

  # Start seeds in order while no failure is known; once seed f failed, only the running seeds below f
  # still matter (one of them may fail too), so the answer is the lowest failing seed whatever the timing.
  # Each run leaves its exit status in a file as it ends: bash's wait -n can miss a job that ended while
  # the shell was busy, so it only says when to look.
  while (( ${#seed_of[@]} > 0 )) || { [[ -z "$failed" ]] && (( next <= last )); }; do
    while [[ -z "$failed" ]] && (( next <= last && ${#seed_of[@]} < jobs )); do
      (
        status=0
        timeout --kill-after=5 "$timeout" "$java" "-javaagent:$agent_jar=seed=$next,$options" "$@" \
          </dev/null >"$work/$next.out" 2>"$work/$next.err" || status=$?
        echo "$status" >"$work/$next.ended" && mv "$work/$next.ended" "$work/$next.status"
      ) &
      seed_of[$!]=$next
      next=$((next + 1))
    done
    wait -n "${!seed_of[@]}" 2>/dev/null || true
    ended=0
    for pid in "${!seed_of[@]}"; do
      seed=${seed_of[$pid]}
      [[ -f "$work/$seed.status" ]] || continue
      ended=1
      unset "seed_of[$pid]"
      status=$(<"$work/$seed.status")
      if (( status != 0 )) || grep -q '^Exception in thread ' "$work/$seed.err"; then
        if [[ -z "$failed" ]] || (( seed < failed )); then
          failed=$seed
        fi
      else
        rm -f "$work/$seed".*
      fi
    done
    if [[ -n "$failed" ]]; then
      for pid in "${!seed_of[@]}"; do
        if (( seed_of[$pid] > failed )); then
          pkill -TERM -P "$pid" 2>/dev/null || true
        fi
      done
    fi
    (( ended )) || sleep 0.05
  done

  if [[ -z "$failed" ]]; then
    echo "fiberize explore: all $count seeds passed ($from..$last, $options)"
    return 0
  fi
  explore_report "$work" "$failed" "$timeout" "$java" "$options" "$@"
  exit 1
}

# Describe the failing seed $2 whose output is in directory $1 (time limit $3), and how to replay it
# (java $4, agent options $5, java arguments after).
explore_report() {
  local work=$1 seed=$2 timeout=$3 java=$4 options=$5 status trace
  shift 5
  status=$(cat "$work/$seed.status")
  trace=$(grep -m 1 '^fiberize: warning: schedule seed=' "$work/$seed.err" || echo "(none: the run printed no trace line)")
  echo "fiberize explore: seed $seed failed"
  case "$status" in
    0) echo "exit status: 0, with an uncaught exception" ;;
    4) echo "exit status: 4 (the program is stuck)" ;;
    124 | 137) echo "exit status: $status (killed: it ran longer than ${timeout}s)" ;;
    *) echo "exit status: $status" ;;
  esac
  echo "trace: $trace"
  # The line that says what went wrong: a long stuck report or stack trace can push it out of the tail below.
  echo "failure: $(grep -m 1 -E '^(Exception in thread |fiberize: warning: every fiber waits)' "$work/$seed.err" \
    || echo "(no uncaught exception, no stuck report)")"
  echo "--- standard output, last 20 lines:"
  tail -n 20 "$work/$seed.out"
  echo "--- standard error, last 40 lines:"
  tail -n 40 "$work/$seed.err"
  echo "--- replay:"
  local command=("$java" "-javaagent:$agent_jar=seed=$seed,$options" "$@")
  [[ -z "${FIBERIZE_OPTS:-}" ]] || command=("FIBERIZE_OPTS=$FIBERIZE_OPTS" "${command[@]}")
  explore_quoted "${command[@]}"
}

# Print the words $@ as one shell command line, quoting only the words that need it.
explore_quoted() {
  local word line=""
  for word in "$@"; do
    if [[ ! "$word" =~ ^[A-Za-z0-9_./:=,@%+-]+$ ]]; then
      word=$(printf '%q' "$word")
    fi
    line+="${line:+ }$word"
  done
  printf '%s\n' "$line"
}
