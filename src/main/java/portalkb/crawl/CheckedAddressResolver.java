package portalkb.crawl;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.spi.InetAddressResolver;
import java.net.spi.InetAddressResolver.LookupPolicy;
import java.net.spi.InetAddressResolverProvider;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The JVM's name resolver (installed through META-INF/services): a host name whose addresses
 * {@link AddressPolicy} checked resolves to exactly those addresses afterwards, whatever DNS answers by the
 * time the connection is made (DNS rebinding: public when checked, internal after the politeness wait).
 * Every other name resolves as the JVM's built-in resolver says. For tests, the system property
 * {@code portalkb.hostsFile} names a hosts file read at every lookup instead (the JDK's own
 * {@code jdk.net.hosts.file} switches resolvers like this one off).
 */
public final class CheckedAddressResolver extends InetAddressResolverProvider {

    private static final int MAX_HOSTS = 10_000;
    /** Host name → the addresses last checked for it; the least recently used go first past MAX_HOSTS. */
    private static final Map<String, InetAddress[]> CHECKED = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, InetAddress[]> eldest) {
            return size() > MAX_HOSTS;
        }
    };
    private static volatile InetAddressResolver builtin;

    @Override
    public InetAddressResolver get(Configuration configuration) {
        String hostsFile = System.getProperty("portalkb.hostsFile");
        InetAddressResolver system = hostsFile == null ? configuration.builtinResolver() : new HostsFile(java.nio.file.Path.of(hostsFile));
        builtin = system;
        return new InetAddressResolver() {
            @Override
            public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
                InetAddress[] checked = checked(host);
                return checked == null ? system.lookupByName(host, policy) : allowed(host, checked, policy);
            }

            @Override
            public String lookupByAddress(byte[] address) throws UnknownHostException {
                return system.lookupByAddress(address);
            }
        };
    }

    @Override
    public String name() {
        return "portalkb-checked-addresses";
    }

    /** What DNS answers for {@code host} now: never a pinned answer, never the JVM's cache when the resolver is installed. */
    static InetAddress[] resolveNow(String host) throws UnknownHostException {
        InetAddressResolver system = builtin;
        if (system == null) {
            InetAddress.getAllByName(host); // the first name lookup installs this resolver
            system = builtin;
        }
        if (system == null) {
            return InetAddress.getAllByName(host); // not installed (another provider took its place): the JVM's answer
        }
        return system.lookupByName(host, LookupPolicy.of(LookupPolicy.IPV4 | LookupPolicy.IPV6)).toArray(InetAddress[]::new);
    }

    /** From now on {@code host} resolves to {@code addresses} (they passed the check). */
    static void pin(String host, InetAddress[] addresses) {
        synchronized (CHECKED) {
            CHECKED.put(host.toLowerCase(Locale.ROOT), addresses.clone());
        }
    }

    private static InetAddress[] checked(String host) {
        synchronized (CHECKED) {
            return CHECKED.get(host.toLowerCase(Locale.ROOT));
        }
    }

    private static Stream<InetAddress> allowed(String host, InetAddress[] checked, LookupPolicy policy)
        throws UnknownHostException {
        int c = policy.characteristics();
        InetAddress[] fitting = Arrays.stream(checked)
            .filter(a -> a instanceof Inet4Address ? (c & LookupPolicy.IPV4) != 0 : a instanceof Inet6Address
                && (c & LookupPolicy.IPV6) != 0)
            .toArray(InetAddress[]::new);
        if (fitting.length == 0) {
            throw new UnknownHostException(host + ": no checked address of the kind asked for");
        }
        return Arrays.stream(fitting);
    }

    /** Names from a hosts file ("address name…" lines), read at every lookup. */
    private record HostsFile(java.nio.file.Path file) implements InetAddressResolver {
        @Override
        public Stream<InetAddress> lookupByName(String host, LookupPolicy policy) throws UnknownHostException {
            java.util.List<InetAddress> found = new java.util.ArrayList<>();
            try {
                for (String line : java.nio.file.Files.readAllLines(file)) {
                    String[] words = line.replaceFirst("#.*", "").strip().split("\\s+");
                    for (int i = 1; i < words.length; i++) {
                        if (words[i].equalsIgnoreCase(host)) {
                            found.add(InetAddress.getByAddress(host, InetAddress.getByName(words[0]).getAddress()));
                        }
                    }
                }
            } catch (java.io.IOException e) {
                throw new UnknownHostException(host + ": hosts file unreadable: " + e.getMessage());
            }
            if (found.isEmpty()) {
                throw new UnknownHostException(host);
            }
            return found.stream();
        }

        @Override
        public String lookupByAddress(byte[] address) throws UnknownHostException {
            throw new UnknownHostException("no reverse lookups in a hosts file");
        }
    }
}
