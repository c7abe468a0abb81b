package io.pactum.cli;

import io.pactum.cli.demo.Demo;
import io.pactum.cli.demo.DemoOptions;
import java.io.PrintStream;
import java.util.List;

/** {@code pactum demo}: a transfer between two databases with two-phase commit, told step by step. */
final class DemoCommand implements Command {
    @Override
    public String name() {
        return "demo";
    }

    @Override
    public String summary() {
        return "a money transfer between two databases with two-phase commit, told step by step";
    }

    @Override
    public String usage() {
        return DemoOptions.USAGE;
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(args);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        return new Demo(options, out).run();
    }
}
