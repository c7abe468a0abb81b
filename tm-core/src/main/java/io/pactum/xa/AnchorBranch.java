package io.pactum.xa;

import io.pactum.xid.GlobalId;
import java.util.Collection;
import javax.transaction.xa.XAException;

/**
 * The branch of a {@link io.pactum.recovery.DecisionAnchor}: it can write its transaction's
 * commit decision into its own work, so that the decision is durable exactly when this branch
 * commits. Called while the branch is still started, before it is ended.
 */
public interface AnchorBranch extends NamedXAResource {
    /**
     * Writes the commit decision of {@code id} into this branch's work.
     *
     * @param resources the resources of the transaction's other branches
     * @throws XAException when it could not: the transaction rolls back
     */
    void recordDecision(GlobalId id, Collection<String> resources) throws XAException;
}
