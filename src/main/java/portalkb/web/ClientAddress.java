package portalkb.web;

import io.javalin.http.Context;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Who a request comes from, as the rate limits and the admin lockout count clients. From a peer on
 * server.trustedProxies the client is the rightmost X-Forwarded-For entry that is not itself a trusted
 * proxy (entries further left were written by the client and prove nothing); from any other peer, the peer.
 * An IPv6 client is its /64: one host can take any address within it.
 */
final class ClientAddress {

    /** One address block: an address and how many leading bits of it count. */
    private record Block(byte[] address, int bits) {
        boolean contains(byte[] other) {
            if (other.length != address.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((address[i / 8] & mask) != (other[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private final List<Block> trusted;

    /** {@code trustedProxies}: addresses or CIDR blocks, comma-separated; empty or null for none. */
    ClientAddress(String trustedProxies) {
        List<Block> blocks = new ArrayList<>();
        if (trustedProxies != null) {
            for (String entry : trustedProxies.split(",")) {
                if (!entry.isBlank()) {
                    blocks.add(block(entry.strip()));
                }
            }
        }
        this.trusted = List.copyOf(blocks);
    }

    /** The client key of a request. */
    String of(Context ctx) {
        return of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    }

    String of(String peer, String forwardedFor) {
        String client = peer;
        if (trusted(peer) && forwardedFor != null) {
            String[] hops = forwardedFor.split(",");
            for (int i = hops.length - 1; i >= 0; i--) {
                String hop = hops[i].strip();
                if (literal(hop) == null) {
                    break; // not an address ("unknown", garbage): stop at the last one the proxies vouch for
                }
                client = hop;
                if (!trusted(hop)) {
                    break;
                }
            }
        }
        return key(client);
    }

    private boolean trusted(String address) {
        byte[] bytes = literal(address);
        return bytes != null && trusted.stream().anyMatch(b -> b.contains(bytes));
    }

    /** An IPv4 address as is; an IPv6 address by its /64 prefix. */
    static String key(String address) {
        byte[] bytes = literal(address);
        if (bytes == null || bytes.length == 4) {
            return address;
        }
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < 8; i += 2) {
            prefix.append(Integer.toHexString((bytes[i] & 0xff) << 8 | bytes[i + 1] & 0xff)).append(':');
        }
        return prefix.append(":/64").toString();
    }

    /** The bytes of an IP literal (IPv6 optionally in brackets), or null when {@code text} is no address; never a DNS lookup. */
    static byte[] literal(String text) {
        String s = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        if (s.isEmpty() || !(s.contains(":") || s.matches("\\d{1,3}(\\.\\d{1,3}){3}")) || !s.matches("[0-9A-Fa-f:.%\\w]+")) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    private static Block block(String entry) {
        int slash = entry.indexOf('/');
        byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash));
        if (address == null) {
            throw new IllegalArgumentException("server.trustedProxies: not an address or CIDR block: " + entry);
        }
        int bits = slash < 0 ? address.length * 8 : Integer.parseInt(entry.substring(slash + 1));
        return new Block(address, Math.min(bits, address.length * 8));
    }
}
