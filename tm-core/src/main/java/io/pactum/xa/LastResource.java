package io.pactum.xa;

import javax.transaction.xa.XAResource;

/**
 * A resource that cannot prepare: typically a non-XA database connection that joins a
 * transaction as its last resource. The transaction manager never asks it to prepare; it
 * counts as a yes vote. Alone in a transaction it is committed in one phase. With other
 * branches, those are prepared, the commit decision is logged, and then this resource is
 * committed in one phase before them: if it refuses, the decision is dropped and the prepared
 * branches are rolled back; if its answer is lost, the others are committed and the outcome is
 * reported as heuristic.
 *
 * <p>The risk, which the application accepts by using one: a crash after the decision is logged
 * and before this resource has committed leaves its work rolled back (its connection dies with
 * the process) while recovery commits the other branches. It has nothing to recover, so its
 * branch is not part of the logged decision, and it is never joined with another branch.
 */
public interface LastResource extends XAResource {
}
