package io.pactum.bench.workload;

import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.transaction.xa.XAResource;

/**
 * One resource manager a workload talks to, described for the systems that must know their
 * resource managers up front (Atomikos refuses to enlist an XAResource no registered resource claims).
 *
 * @param name a unique name
 * @param owns whether an XAResource belongs to this resource manager
 * @param forRecovery a connection recovery may use
 */
public record ResourceManager(String name, Predicate<XAResource> owns, Supplier<XAResource> forRecovery) {
}
