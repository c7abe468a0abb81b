package io.pactum.cli.ops;

/** Whose a prepared branch is, as far as this node's configuration can tell. */
public enum Owner {
    /** A Pactum XID of the configured node: its log says what to do. */
    OURS("ours"),
    /** A Pactum XID of a node listed in recovery.takeover. */
    TAKEN_OVER("taken over"),
    /** A Pactum XID of another node: that node's log decides. */
    OTHER_NODE("other node"),
    /** Not a Pactum XID at all: another transaction manager's. */
    FOREIGN("foreign");

    private final String label;

    Owner(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
