package io.pactum.tx;

import io.pactum.twopc.Branch;
import javax.transaction.xa.XAResource;

/** One XAResource object's association with a branch; several may share a branch through TMJOIN. */
final class Enlistment {
    enum Association {
        ACTIVE,
        SUSPENDED,
        ENDED
    }

    final XAResource resource;
    final Branch branch;
    Association association = Association.ACTIVE;

    Enlistment(XAResource resource, Branch branch) {
        this.resource = resource;
        this.branch = branch;
    }
}
