package io.pactum.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The {@code pactum} command line: {@code pactum COMMAND [ARGS]}; {@code pactum help} lists them. */
public final class Main {
    private final Map<String, Command> commands = new LinkedHashMap<>();

    Main(List<Command> commands) {
        commands.forEach(c -> this.commands.put(c.name(), c));
    }

    /** Every command; a new one is added here. */
    static Main standard() {
        List<Command> all = new ArrayList<>();
        all.add(new DemoCommand());
        all.add(new RecoverCommand());
        all.add(new ListCommand());
        all.add(new ShowCommand());
        all.add(new ResolveCommand(io.pactum.cli.ops.Rules.Action.COMMIT));
        all.add(new ResolveCommand(io.pactum.cli.ops.Rules.Action.ROLLBACK));
        all.add(new ForgetCommand());
        all.add(new LogCommand());
        return new Main(all);
    }

    public static void main(String[] args) {
        System.exit(standard().run(Arrays.asList(args), System.out, System.err));
    }

    int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.isEmpty() || args.get(0).equals("help") || args.get(0).equals("--help") || args.get(0).equals("-h")) {
            return help(args.size() > 1 ? args.get(1) : null, out, err);
        }
        Command c = commands.get(args.get(0));
        if (c == null) {
            err.println("pactum: no command '" + args.get(0) + "'; `pactum help` lists the commands");
            return ExitCode.USAGE;
        }
        try {
            return c.run(args.subList(1, args.size()), out, err);
        } catch (UsageException e) {
            err.println("pactum " + c.name() + ": " + e.getMessage());
            err.println();
            err.println(c.usage());
            return ExitCode.USAGE;
        } catch (Exception e) {
            err.println("pactum " + c.name() + ": " + e.getMessage());
            return ExitCode.FAILED;
        }
    }

    private int help(String name, PrintStream out, PrintStream err) {
        if (name != null) {
            Command c = commands.get(name);
            if (c == null) {
                err.println("pactum: no command '" + name + "'");
                return ExitCode.USAGE;
            }
            out.println(c.usage());
            return ExitCode.OK;
        }
        out.println("usage: pactum COMMAND [ARGS]   (pactum help COMMAND for its options)");
        out.println();
        commands.values().forEach(c -> out.printf("  %-10s %s%n", c.name(), c.summary()));
        out.println();
        out.println("exit codes: 0 done, 1 failed, 2 wrong arguments or configuration, 3 refused (--force"
                + " overrides), 4 not found");
        return ExitCode.OK;
    }
}
