package io.pactum.xa;

import javax.transaction.xa.XAResource;

/**
 * An {@link XAResource} that says which resource manager it belongs to. The name goes into the
 * log with every branch so that recovery knows where to look; it must stay the same across
 * restarts. Resources that do not implement this are logged under their class name.
 */
public interface NamedXAResource extends XAResource {
    String resourceName();

    /**
     * Whether a branch of this resource may be joined ({@code TMJOIN}) by another connection for
     * which {@link #isSameRM} is true. MySQL and MariaDB say {@code isSameRM} for any two
     * connections to one server but cannot join across physical connections: their resources
     * return false.
     */
    default boolean joinAllowed() {
        return true;
    }
}
