package io.pactum.cli.config;

import java.util.List;

/** A config file that cannot be used; the message lists every problem and what to change. */
public final class ConfigException extends Exception {
    private final List<String> problems;

    public ConfigException(String file, List<String> problems) {
        super(file + ": " + (problems.size() == 1 ? problems.get(0) : "\n  - " + String.join("\n  - ", problems)));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
