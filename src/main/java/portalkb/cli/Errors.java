package portalkb.cli;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;

import org.apache.hc.core5.http.ConnectionClosedException;
import org.apache.hc.core5.http.NoHttpResponseException;
import portalkb.store.WriteBlocks;

import java.net.ConnectException;
import java.net.SocketException;

/** One readable line for an exception, e.g. a cluster that is down or refuses our credentials. */
public final class Errors {

    private Errors() {
    }

    public static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "Elasticsearch is not reachable (" + t.getMessage() + "); start it with ./kb es start or check ES_URL";
            }
            if (t instanceof ConnectionClosedException || t instanceof NoHttpResponseException || t instanceof SocketException) {
                // The node stopped (or restarted) while it had a request of ours.
                return "Elasticsearch closed the connection during a request (" + t.getMessage() + "): it stopped or restarted; "
                    + "start it with ./kb es start or check ES_URL, then run the command again";
            }
            if (t instanceof ElasticsearchException es) {
                if (WriteBlocks.isDiskFull(es.error().reason())) {
                    return WriteBlocks.DISK_FULL; // what to do about it, not the block's internal name
                }
                return "Elasticsearch refused the request: " + es.error().type() + ": " + es.error().reason();
            }
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
