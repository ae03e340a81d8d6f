package dev.fluxbase.ai.tools.http.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Addresses a fetch must never reach: loopback, private, link-local (cloud metadata lives there),
 * CGNAT, unique-local, multicast, unspecified, documentation and reserved ranges, and IPv6 forms that
 * embed such an IPv4 address (mapped, compatible, NAT64, 6to4).
 */
final class AddressPolicy {

    private static final int[][] FORBIDDEN_V4 = {
            {0, 0, 0, 0, 8}, {10, 0, 0, 0, 8}, {100, 64, 0, 0, 10}, {127, 0, 0, 0, 8}, {169, 254, 0, 0, 16},
            {172, 16, 0, 0, 12}, {192, 0, 0, 0, 24}, {192, 0, 2, 0, 24}, {192, 88, 99, 0, 24}, {192, 168, 0, 0, 16},
            {198, 18, 0, 0, 15}, {198, 51, 100, 0, 24}, {203, 0, 113, 0, 24}, {224, 0, 0, 0, 4}, {240, 0, 0, 0, 4}};

    private AddressPolicy() {
    }

    /** @return why the address is forbidden, or null when it may be reached */
    static String forbiddenReason(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return forbiddenV4(v4.getAddress());
        }
        byte[] v6 = address.getAddress();
        byte[] embedded = embeddedV4(v6);
        if (embedded != null) {
            return forbiddenV4(embedded);
        }
        Inet6Address ip = (Inet6Address) address;
        if (ip.isAnyLocalAddress() || ip.isLoopbackAddress()) {
            return "loopback or unspecified address";
        }
        int first = v6[0] & 0xff;
        if ((first & 0xfe) == 0xfc) {
            return "unique-local address";
        }
        if (ip.isLinkLocalAddress() || ip.isSiteLocalAddress()) {
            return "link-local address";
        }
        if (first == 0xff) {
            return "multicast address";
        }
        if (first == 0x20 && (v6[1] & 0xff) == 0x01 && (v6[2] & 0xff) == 0x0d && (v6[3] & 0xff) == 0xb8) {
            return "documentation address";
        }
        return null;
    }

    private static String forbiddenV4(byte[] address) {
        long value = ((address[0] & 0xffL) << 24) | ((address[1] & 0xffL) << 16) | ((address[2] & 0xffL) << 8) | (address[3] & 0xffL);
        for (int[] range : FORBIDDEN_V4) {
            long base = ((long) range[0] << 24) | ((long) range[1] << 16) | ((long) range[2] << 8) | range[3];
            long mask = range[4] == 0 ? 0 : (0xffffffffL << (32 - range[4])) & 0xffffffffL;
            if ((value & mask) == base) {
                return "private, loopback, link-local or reserved address";
            }
        }
        return value == 0xffffffffL ? "broadcast address" : null;
    }

    /** The IPv4 address inside ::a.b.c.d, ::ffff:a.b.c.d, 64:ff9b::a.b.c.d and 2002:aabb:ccdd::/48. */
    private static byte[] embeddedV4(byte[] v6) {
        if (allZero(v6, 0, 10) && ((v6[10] == 0 && v6[11] == 0) || (v6[10] == (byte) 0xff && v6[11] == (byte) 0xff))
                && !(allZero(v6, 10, 16) || isLoopbackV6(v6))) {
            return slice(v6, 12);
        }
        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == (byte) 0xff && v6[3] == (byte) 0x9b && allZero(v6, 4, 12)) {
            return slice(v6, 12);
        }
        if (v6[0] == 0x20 && v6[1] == 0x02) {
            return slice(v6, 2);
        }
        return null;
    }

    private static boolean isLoopbackV6(byte[] v6) {
        return allZero(v6, 0, 15) && v6[15] == 1;
    }

    private static boolean allZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static byte[] slice(byte[] bytes, int from) {
        return new byte[] {bytes[from], bytes[from + 1], bytes[from + 2], bytes[from + 3]};
    }

    /** Parses an IP literal without any DNS lookup; null when the text is not one. */
    static InetAddress literal(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return null;
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
