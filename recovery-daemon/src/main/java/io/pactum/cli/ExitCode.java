package io.pactum.cli;

/** The exit codes of every {@code pactum} command; scripts rely on them. */
final class ExitCode {
    /** Done as asked. */
    static final int OK = 0;
    /** Something failed (a database, the log); the message says what. */
    static final int FAILED = 1;
    /** The arguments or the configuration are wrong; nothing was done. */
    static final int USAGE = 2;
    /**
     * Refused: it would contradict what the log decided (use --force to override), or
     * {@code pactum recover} found the node's log in use by the running application.
     */
    static final int REFUSED = 3;
    /** The thing asked about does not exist (an XID no database and no log knows). */
    static final int NOT_FOUND = 4;

    private ExitCode() {
    }
}
