package io.pactum.cli.demo;

import java.math.BigDecimal;

/**
 * The one transaction the demo is about: take an amount from alice at the first bank, give it
 * to bob at the second, commit. Each step is told before it runs; what the databases and the
 * transaction manager do in it is told by their narrators.
 */
final class Transfer {
    static final BigDecimal AMOUNT = new BigDecimal("25.00");

    private final Banks banks;
    private final Narrator narrator;

    Transfer(Banks banks, Narrator narrator) {
        this.banks = banks;
        this.narrator = narrator;
    }

    void run() throws Exception {
        narrator.restartNumbering();
        banks.tm.begin();
        try {
            narrator.step("take " + AMOUNT + " from alice at " + banks.a.bank() + ": the transaction's first connection "
                    + "to " + banks.a.bank() + " enlists it");
            narrator.note(banks.a.add(Banks.ALICE, AMOUNT.negate()));
            narrator.step("give " + AMOUNT + " to bob at " + banks.b.bank() + ": the first connection to "
                    + banks.b.bank() + " enlists it too");
            narrator.note(banks.b.add(Banks.BOB, AMOUNT));
        } catch (Exception e) {
            narrator.note("failed: " + e.getMessage() + "; rolling back");
            banks.tm.rollback();
            throw e;
        }
        narrator.step("commit, phase 1 (prepare): every database must promise that it can commit");
        banks.tm.commit();
    }
}
