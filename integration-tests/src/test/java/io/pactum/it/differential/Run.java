package io.pactum.it.differential;

import io.pactum.testing.ScriptedResource;
import io.pactum.testing.ScriptedResource.Outcome;
import io.pactum.testing.Trace;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One scenario running on one transaction manager: its resources, its transaction, what it saw. */
final class Run {
    final TmUnderTest under;
    final Trace trace = new Trace();
    private final Map<String, ScriptedResource> resources = new LinkedHashMap<>();
    private final List<String> steps = new ArrayList<>();
    final List<String> synchronizations = Collections.synchronizedList(new ArrayList<>());
    /** The transaction the last begin started. */
    Transaction tx;
    /** What the last suspend returned. */
    Transaction suspended;
    /** How many synchronizations were registered, to know when all have heard afterCompletion. */
    int registeredSynchronizations;

    Run(TmUnderTest under) {
        this.under = under;
    }

    TransactionManager tm() {
        return under.tm();
    }

    ScriptedResource addResource(String name) {
        ScriptedResource r = new ScriptedResource(name, trace);
        resources.put(name, r);
        return r;
    }

    ScriptedResource resource(String name) {
        ScriptedResource r = resources.get(name);
        if (r == null) {
            throw new IllegalArgumentException("the scenario has no resource " + name);
        }
        return r;
    }

    Transaction tx() {
        if (tx == null) {
            throw new IllegalStateException("the scenario has not begun a transaction");
        }
        return tx;
    }

    void perform(Step step) {
        String result;
        try {
            Object answer = step.action().run(this);
            result = answer == null ? "ok" : String.valueOf(answer);
        } catch (Exception | AssertionError e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            result = ExceptionTypes.standardName(e);
        }
        steps.add(step.label() + " -> " + result);
    }

    Recording recording() throws SystemException {
        Map<String, List<Outcome>> outcomes = new LinkedHashMap<>();
        resources.forEach((name, r) -> outcomes.put(name, List.copyOf(r.outcomes().values())));
        String txStatus = tx == null ? "none" : StatusNames.of(tx.getStatus());
        return new Recording(List.copyOf(steps), txStatus, StatusNames.of(tm().getStatus()), outcomes,
                List.copyOf(synchronizations));
    }

    /** XA calls without branch qualifiers: {@code A.start(TMNOFLAGS)}, {@code A.commit(1pc)}. */
    List<String> xaCalls() {
        return trace.events().stream().map(e -> e.replaceAll("\\((\\d+|foreign),?", "(")).toList();
    }

    /** Rolls back what a scenario left unfinished, so nothing of it is reaped during a later one. */
    void cleanUp() {
        for (Transaction t : new Transaction[] {tx, suspended}) {
            try {
                if (t != null && (t.getStatus() == Status.STATUS_ACTIVE
                        || t.getStatus() == Status.STATUS_MARKED_ROLLBACK)) {
                    t.rollback();
                }
            } catch (Exception e) {
                // best effort: the scenario is over
            }
        }
        under.resetThread();
    }
}
