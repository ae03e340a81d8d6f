package dev.fluxbase.ai.quotas.entity;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** An IP address or a CIDR range ({@code 10.0.0.0/8}, {@code fd00::/8}), IPv4 or IPv6. */
public record AddressRange(byte[] network, int prefixLength) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(?:\\.\\d{1,3}){3}):\\d+");
    private static final Pattern BRACKETED_IPV6 = Pattern.compile("\\[([0-9a-fA-F:.]+)](?::\\d+)?");

    /** @throws IllegalArgumentException for anything but an IP literal, optionally with a prefix length */
    public static AddressRange parse(String text) {
        String[] parts = text.strip().split("/", 2);
        InetAddress address = literal(parts[0]).orElseThrow(() -> new IllegalArgumentException("not an IP address: " + text));
        int bits = address.getAddress().length * 8;
        int prefix = bits;
        if (parts.length == 2) {
            try {
                prefix = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad prefix length: " + text);
            }
            if (prefix < 0 || prefix > bits) {
                throw new IllegalArgumentException("bad prefix length: " + text);
            }
        }
        return new AddressRange(address.getAddress(), prefix);
    }

    /**
     * An IP literal as proxies write it (a port or IPv6 brackets allowed); never a host name, so that
     * nothing here ever asks DNS.
     */
    public static Optional<InetAddress> literal(String text) {
        String candidate = text == null ? "" : text.strip();
        var withPort = IPV4_WITH_PORT.matcher(candidate);
        var bracketed = BRACKETED_IPV6.matcher(candidate);
        if (withPort.matches()) {
            candidate = withPort.group(1);
        } else if (bracketed.matches()) {
            candidate = bracketed.group(1);
        }
        boolean looksLikeIp = IPV4.matcher(candidate).matches() || candidate.contains(":") && candidate.matches("[0-9a-fA-F:.]+");
        if (!looksLikeIp) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(candidate));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (bytes[full] & mask) == (network[full] & mask);
    }
}
