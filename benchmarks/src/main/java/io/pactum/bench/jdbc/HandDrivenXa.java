package io.pactum.bench.jdbc;

/**
 * The floor: no transaction manager at all. The transfer workload sees this in place of one and
 * drives XA by hand on connections of its own (start, end, prepare, commit), with no log and no
 * pool: what the two databases cost, and nothing else.
 *
 * @param switchAutoCommit whether the workers also make the two autocommit switches an Agroal
 *                         pool makes around every enlisted connection ({@code setAutoCommit(false)}
 *                         at enlistment, {@code true} on return): a diagnostic, to measure what
 *                         those cost on the floor
 * @param sideBySide       whether the workers call the two branches of a phase side by side, as
 *                         Pactum does while cores are idle
 */
public record HandDrivenXa(boolean switchAutoCommit, boolean sideBySide) {
    /** The XIDs the floor makes: its own format id, so leftovers are easy to find. */
    static final int FORMAT_ID = 0x42454E43; // "BENC"
}
