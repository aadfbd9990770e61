package io.fiberize.agent.options;

/**
 * Name a place options come from, the way the user wrote it, for error messages.
 */
enum OptionSource {
    AGENT_ARGUMENT {
        @Override
        String where(String key) {
            return "-javaagent argument";
        }
    },
    SYSTEM_PROPERTY {
        @Override
        String where(String key) {
            return "-D" + OptionsParser.PROPERTY_PREFIX + key;
        }
    },
    ENVIRONMENT {
        @Override
        String where(String key) {
            return OptionsParser.ENVIRONMENT_VARIABLE;
        }
    };

    /**
     * Describe where the option {@code key} was given, e.g. {@code -Dfiberize.loops}.
     */
    abstract String where(String key);
}
