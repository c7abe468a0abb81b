package io.pactum.cli;

import java.io.PrintStream;
import java.util.List;

/** One {@code pactum} command. */
interface Command {
    String name();

    /** One line for {@code pactum help}. */
    String summary();

    /** The usage text for {@code pactum help NAME} and for errors in its arguments. */
    String usage();

    /**
     * Runs the command.
     *
     * @return the exit code ({@link ExitCode})
     * @throws UsageException when the arguments are wrong; the message says how
     */
    int run(List<String> args, PrintStream out, PrintStream err) throws Exception;
}
