package portalkb.crawl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Which addresses a source may fetch from. A source on the public web never reaches loopback, link-local
 * (cloud metadata), private or other internal addresses, whatever a link, redirect or robots.txt says
 * (server-side request forgery). A source whose own seeds are on such addresses (a portal on the
 * intranet, the demo, the tests) may fetch there. Host names are resolved here, afresh, and the addresses
 * that pass are the ones the connection goes to ({@link CheckedAddressResolver}): a name that answers
 * otherwise by the time the request is made (DNS rebinding, after a politeness wait) changes nothing.
 */
final class AddressPolicy {

    private final boolean internalAllowed;

    private AddressPolicy(boolean internalAllowed) {
        this.internalAllowed = internalAllowed;
    }

    static AddressPolicy forSource(Source source) {
        for (String seed : source.seeds()) {
            if (resolve(seed).map(addresses -> !allPublic(addresses)).orElse(false)) {
                return new AddressPolicy(true);
            }
        }
        return new AddressPolicy(false);
    }

    /** Why {@code url} may not be fetched, or empty. A host that does not resolve is left to the fetch to report. */
    Optional<String> refusal(String url) {
        if (internalAllowed) {
            return Optional.empty();
        }
        Optional<InetAddress[]> addresses = resolve(url);
        if (addresses.isEmpty()) {
            return Optional.empty();
        }
        for (InetAddress address : addresses.get()) {
            if (!isPublic(address)) {
                return Optional.of("refused: " + URI.create(url).getHost() + " resolves to a private or loopback address ("
                    + address.getHostAddress() + ") and the source's seeds are public");
            }
        }
        CheckedAddressResolver.pin(host(url), addresses.get());
        return Optional.empty();
    }

    private static boolean allPublic(InetAddress[] addresses) {
        for (InetAddress a : addresses) {
            if (!isPublic(a)) {
                return false;
            }
        }
        return true;
    }

    private static Optional<InetAddress[]> resolve(String url) {
        try {
            String host = host(url);
            return host == null ? Optional.empty() : Optional.of(CheckedAddressResolver.resolveNow(host));
        } catch (UnknownHostException | IllegalArgumentException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static String host(String url) {
        String host = URI.create(url).getHost();
        return host != null && host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * Routable on the public internet: not loopback, link-local, private, carrier-grade NAT, benchmarking (198.18.0.0/15),
     * unique-local, multicast or unspecified, nor an IPv6 address that carries such an IPv4 one (mapped, NAT64, 6to4).
     */
    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
            || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first != 0 && !(first == 100 && second >= 64 && second < 128) && !(first == 192 && second == 0 && (b[2] & 0xff) == 0)
                && !(first == 198 && (second == 18 || second == 19)) && first < 240;
        }
        if (address instanceof Inet6Address) {
            if ((b[0] & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local
            }
            // Addresses that a gateway turns into an IPv4 one: NAT64 (64:ff9b::/96; 64:ff9b:1::/48 is for local use) and 6to4 (2002::/16).
            boolean nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b;
            if (nat64 && b[4] == 0 && b[5] == 1) {
                return false;
            }
            if (nat64) {
                return isPublic(v4(b[12], b[13], b[14], b[15]));
            }
            if (b[0] == 0x20 && b[1] == 0x02) {
                return isPublic(v4(b[2], b[3], b[4], b[5]));
            }
            boolean v4Embedded = true;
            for (int i = 0; i < 10; i++) {
                v4Embedded &= b[i] == 0;
            }
            if (v4Embedded && (b[10] == 0 && b[11] == 0 || b[10] == (byte) 0xff && b[11] == (byte) 0xff)) {
                return isPublic(v4(b[12], b[13], b[14], b[15]));
            }
        }
        return true;
    }

    private static InetAddress v4(byte a, byte b, byte c, byte d) {
        try {
            return InetAddress.getByAddress(new byte[] {a, b, c, d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }
}
