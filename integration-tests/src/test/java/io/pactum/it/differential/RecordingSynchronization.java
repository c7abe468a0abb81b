package io.pactum.it.differential;

import jakarta.transaction.Synchronization;

/**
 * Writes its callbacks into the run, e.g. {@code S1.before}, {@code S1.after(COMMITTED)}, and
 * in beforeCompletion does what its script says.
 */
final class RecordingSynchronization implements Synchronization {
    enum Before { RETURN, THROW, SET_ROLLBACK_ONLY }

    private final String name;
    private final Run run;
    private final Before before;

    RecordingSynchronization(String name, Run run, Before before) {
        this.name = name;
        this.run = run;
        this.before = before;
    }

    @Override
    public void beforeCompletion() {
        run.synchronizations.add(name + ".before");
        switch (before) {
            case THROW -> throw new IllegalStateException("scripted failure in " + name + ".beforeCompletion");
            case SET_ROLLBACK_ONLY -> setRollbackOnly();
            default -> {
            }
        }
    }

    private void setRollbackOnly() {
        try {
            run.tm().setRollbackOnly();
        } catch (Exception e) {
            run.synchronizations.add(name + ".setRollbackOnly failed: " + ExceptionTypes.standardName(e));
        }
    }

    @Override
    public void afterCompletion(int status) {
        run.synchronizations.add(name + ".after(" + StatusNames.of(status) + ")");
    }
}
