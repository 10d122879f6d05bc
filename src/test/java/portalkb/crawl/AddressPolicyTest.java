package portalkb.crawl;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which resolved addresses count as internal (refused to a source on the public web). */
class AddressPolicyTest {

    @Test
    void translatedAndBenchmarkAddressesOfInternalOnesAreInternal() throws Exception {
        // NAT64 (64:ff9b::/96 and the local-use 64:ff9b:1::/48) and 6to4 (2002::/16) carry an IPv4 address a gateway connects
        // to; 198.18.0.0/15 is for benchmarking networks, often internal.
        for (String internal : List.of("64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b:1::a9fe:a9fe", "2002:7f00:1::1", "2002:c0a8:101::1",
            "198.18.0.1", "198.19.255.254")) {
            assertFalse(AddressPolicy.isPublic(InetAddress.getByName(internal)), internal);
        }
        for (String reachable : List.of("64:ff9b::808:808", "2002:808:808::1", "198.20.0.1", "198.17.255.255")) {
            assertTrue(AddressPolicy.isPublic(InetAddress.getByName(reachable)), reachable);
        }
    }

    @Test
    void internalAndPublicAddressesAreToldApart() throws Exception {
        for (String internal : List.of("127.0.0.1", "127.9.9.9", "10.1.2.3", "172.16.0.9", "192.168.1.1", "169.254.169.254", "0.0.0.0",
            "100.64.0.1", "224.0.0.1", "255.255.255.255", "::1", "::", "fe80::1", "fd00::1", "fc00::7", "::ffff:127.0.0.1", "::ffff:10.0.0.1")) {
            assertFalse(AddressPolicy.isPublic(InetAddress.getByName(internal)), internal);
        }
        for (String reachable : List.of("203.113.131.1", "8.8.8.8", "14.225.0.1", "2001:4860:4860::8888", "::ffff:8.8.8.8")) {
            assertTrue(AddressPolicy.isPublic(InetAddress.getByName(reachable)), reachable);
        }
    }
}
