package io.pactum.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A command's arguments: {@code --flag}, {@code --option VALUE} (or {@code --option=VALUE}), and the rest in order. */
final class Args {
    private final Set<String> flags = new HashSet<>();
    private final Map<String, String> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    private Args() {
    }

    /**
     * @param flagNames   the options that take no value, e.g. "--json"
     * @param optionNames the options that take one, e.g. "--config"
     */
    static Args parse(List<String> args, Set<String> flagNames, Set<String> optionNames) throws UsageException {
        Args a = new Args();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                a.positional.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            if (flagNames.contains(name) && eq < 0) {
                a.flags.add(name);
            } else if (optionNames.contains(name)) {
                if (eq >= 0) {
                    a.options.put(name, arg.substring(eq + 1));
                } else if (i + 1 < args.size()) {
                    a.options.put(name, args.get(++i));
                } else {
                    throw new UsageException(name + " needs a value");
                }
            } else {
                throw new UsageException("unknown option " + arg);
            }
        }
        return a;
    }

    boolean has(String flag) {
        return flags.contains(flag);
    }

    Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    List<String> positional() {
        return positional;
    }

    /** The one positional argument a command takes, named for the message when it is missing. */
    String single(String what) throws UsageException {
        if (positional.size() != 1) {
            throw new UsageException(positional.isEmpty() ? what + " is missing" : "one " + what + " only, not "
                    + String.join(" ", positional));
        }
        return positional.get(0);
    }

    void none() throws UsageException {
        if (!positional.isEmpty()) {
            throw new UsageException("unexpected " + String.join(" ", positional));
        }
    }
}
