package io.pactum.twopc;

import io.pactum.event.Message;
import io.pactum.xa.XaErrors;
import io.pactum.xa.XaPhase;
import io.pactum.xa.XaVerdict;
import javax.transaction.xa.XAException;

/** Runs one XA call, trying again a bounded number of times while the verdict is RETRY. */
final class Retrier {
    interface Call {
        void run() throws XAException;
    }

    /** How the last attempt ended; {@code failure} is null when it succeeded. */
    record Attempt(XaVerdict verdict, Throwable failure) {
        static final Attempt SUCCESS = new Attempt(XaVerdict.OK, null);

        String code() {
            return failure == null ? "XA_OK" : XaErrors.name(XaErrors.codeOf(failure));
        }
    }

    private Retrier() {
    }

    /**
     * @param first the phase of the first attempt; later attempts use {@code again}, since an
     *              earlier attempt may have done the work before its answer was lost
     */
    static Attempt run(Branch b, XaPhase first, XaPhase again, Call call, PhaseContext ctx) {
        XaPhase phase = first;
        for (int attempt = 1; ; attempt++) {
            try {
                call.run();
                return Attempt.SUCCESS;
            } catch (XAException | RuntimeException e) {
                XaVerdict verdict = XaErrors.classify(phase, e);
                if (verdict != XaVerdict.RETRY || attempt > ctx.retries()) {
                    return new Attempt(verdict, e);
                }
                Message.COMMIT_RETRY.log(b.xid(), b.resourceName(), XaErrors.name(XaErrors.codeOf(e)), attempt + 1);
            }
            pause(ctx);
            phase = again;
        }
    }

    private static void pause(PhaseContext ctx) {
        long millis = ctx.retryDelay().toMillis();
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
