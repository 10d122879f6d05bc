package portalkb.web;

import io.javalin.http.Context;
import org.eclipse.jetty.ee10.servlet.ServletContextRequest;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.AbstractEndPoint;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.BufferUtil;
import org.eclipse.jetty.util.Callback;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Notices an HTTP/1 client that closes its connection while its request is still being worked on. Jetty
 * reads nothing from a connection while a request is handled, so a hang-up stays unseen until the response
 * is written; this asks Jetty to tell us when the connection becomes readable, which for a client waiting on
 * its answer means it has closed (end of stream). {@link #close()} withdraws the interest before the
 * response is written, so the connection is reused as usual. Not watched (and never reported gone): HTTP/2
 * connections, which carry other requests too.
 */
final class ClientWatch implements AutoCloseable, Callback {

    private static final IOException WATCH_CLOSED = new IOException("client watch closed");

    private final Context ctx;
    private final EndPoint endPoint;
    private final Runnable onGone;
    private final AtomicBoolean gone = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile boolean readAhead;

    private ClientWatch(Context ctx, EndPoint endPoint, Runnable onGone) {
        this.ctx = ctx;
        this.endPoint = endPoint;
        this.onGone = onGone;
    }

    /** Starts watching; {@code onGone} runs (once, on a Jetty thread) when the client has hung up. */
    static ClientWatch start(Context ctx, Runnable onGone) {
        EndPoint endPoint = null;
        try {
            ServletContextRequest request = ServletContextRequest.getServletContextRequest(ctx.req());
            HttpVersion version = request.getConnectionMetaData().getHttpVersion();
            if (version == HttpVersion.HTTP_1_1 || version == HttpVersion.HTTP_1_0) {
                endPoint = request.getConnectionMetaData().getConnection().getEndPoint();
            }
        } catch (IllegalStateException | NullPointerException e) {
            endPoint = null; // not a Jetty request (nothing to watch)
        }
        ClientWatch watch = new ClientWatch(ctx, endPoint, onGone);
        if (endPoint != null && !endPoint.tryFillInterested(watch)) {
            return new ClientWatch(ctx, null, onGone); // someone else reads this connection: do not interfere
        }
        return watch;
    }

    boolean gone() {
        return gone.get();
    }

    /** The connection became readable: end of stream means the client has gone. */
    @Override
    public void succeeded() {
        if (closed.get()) {
            return;
        }
        ByteBuffer probe = BufferUtil.allocate(1);
        try {
            int read = endPoint.fill(probe);
            if (read < 0) {
                hungUp();
            } else if (read == 0) {
                endPoint.tryFillInterested(this);
            } else {
                // The client sent more (a pipelined request); one byte of it is now ours: close after this response.
                readAhead = true;
            }
        } catch (IOException e) {
            hungUp();
        }
    }

    @Override
    public void failed(Throwable failure) {
        if (failure != WATCH_CLOSED && !closed.get()) {
            hungUp();
        }
    }

    private void hungUp() {
        if (gone.compareAndSet(false, true)) {
            onGone.run();
        }
    }

    @Override
    public InvocationType getInvocationType() {
        return InvocationType.NON_BLOCKING; // fill() never blocks; the onGone action only cancels
    }

    /** Withdraws the interest so Jetty can read the connection's next request itself. */
    @Override
    public void close() {
        if (endPoint == null || !closed.compareAndSet(false, true)) {
            return;
        }
        if (endPoint instanceof AbstractEndPoint e && e.isFillInterested()) {
            e.getFillInterest().onFail(WATCH_CLOSED);
        }
        if (readAhead && !ctx.res().isCommitted()) {
            ctx.header("Connection", "close");
        }
    }
}
