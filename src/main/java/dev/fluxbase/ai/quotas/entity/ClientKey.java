package dev.fluxbase.ai.quotas.entity;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * What anonymous users' limits are keyed by: an IPv4 address exactly, an IPv6 address by its network
 * prefix ({@code 2001:db8:1:2::/64}), since one subscriber normally gets a whole /64 and could otherwise
 * take a fresh address, and fresh limits, for every message. IPv4-mapped IPv6 counts as its IPv4 address.
 */
public final class ClientKey {

    private static final int IPV6_BITS = 128;

    private ClientKey() {
    }

    /**
     * @return the key, or the text itself when it is not an IP literal (never throws; null stays null)
     */
    public static String of(String address, int ipv6PrefixLength) {
        if (address == null) {
            return null;
        }
        // a zone id (fe80::1%eth0) names the interface it came in on, not the client
        Optional<InetAddress> parsed = AddressRange.literal(address.replaceFirst("%[^\\]]*", ""));
        if (parsed.isEmpty()) {
            return address;
        }
        InetAddress ip = parsed.get();
        if (ip instanceof Inet4Address) {
            return ip.getHostAddress(); // InetAddress already turns ::ffff:a.b.c.d into IPv4
        }
        int prefix = Math.max(0, Math.min(IPV6_BITS, ipv6PrefixLength));
        return canonical(network(ip.getAddress(), prefix)) + "/" + prefix;
    }

    private static byte[] network(byte[] bytes, int prefix) {
        for (int bit = prefix; bit < IPV6_BITS; bit++) {
            bytes[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
        }
        return bytes;
    }

    /** RFC 5952: lower case, no leading zeros, the longest run of two or more zero groups as {@code ::}. */
    private static String canonical(byte[] bytes) {
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = (bytes[2 * i] & 0xFF) << 8 | bytes[2 * i + 1] & 0xFF;
        }
        int runStart = -1;
        int runLength = 0;
        for (int i = 0; i < 8; i++) {
            int length = 0;
            while (i + length < 8 && groups[i + length] == 0) {
                length++;
            }
            if (length > runLength && length >= 2) {
                runStart = i;
                runLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == runStart) {
                text.append("::");
                i += runLength - 1;
            } else {
                if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                    text.append(':');
                }
                text.append(Integer.toHexString(groups[i]));
            }
        }
        return text.toString();
    }
}
