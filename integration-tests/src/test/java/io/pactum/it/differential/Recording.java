package io.pactum.it.differential;

import io.pactum.testing.ScriptedResource.Outcome;
import java.util.List;
import java.util.Map;

/**
 * What a scenario did on one transaction manager, in the terms both must agree on.
 *
 * @param steps             each step with what it ended in: {@code commit -> ok} or
 *                          {@code commit -> RollbackException}
 * @param transactionStatus the status of the last begun transaction, asked through its
 *                          {@code Transaction} object after the last step
 * @param threadStatus      the status the transaction manager reports for the scenario's thread
 * @param outcomes          per resource, what became of each branch it saw
 * @param synchronizations  the callbacks synchronizations received, in order
 */
record Recording(List<String> steps, String transactionStatus, String threadStatus,
        Map<String, List<Outcome>> outcomes, List<String> synchronizations) {

    @Override
    public String toString() {
        return "steps: " + steps + "\ntransaction: " + transactionStatus + ", thread: " + threadStatus
                + "\noutcomes: " + outcomes + "\nsynchronizations: " + synchronizations;
    }
}
