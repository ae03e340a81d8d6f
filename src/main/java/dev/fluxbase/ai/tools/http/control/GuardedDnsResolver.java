package dev.fluxbase.ai.tools.http.control;

import dev.fluxbase.ai.tools.http.entity.FetchRefused;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * Resolves a host once and hands the client only addresses that passed {@link AddressPolicy}: the
 * client connects to exactly these, so a DNS answer that changes between check and connect (DNS
 * rebinding) cannot reach a private address. One forbidden address refuses the whole name.
 */
final class GuardedDnsResolver implements DnsResolver {

    private final Predicate<String> mayBePrivate;
    private final Map<String, String> overrides;

    /** @param mayBePrivate the hosts whose addresses are not checked (an explicitly allowed {@code localhost}) */
    GuardedDnsResolver(Predicate<String> mayBePrivate, Map<String, String> overrides) {
        this.mayBePrivate = mayBePrivate;
        this.overrides = overrides;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        InetAddress[] addresses = lookup(host);
        if (mayBePrivate.test(host)) {
            return addresses;
        }
        for (InetAddress address : addresses) {
            String reason = AddressPolicy.forbiddenReason(address);
            if (reason != null) {
                throw new RefusedAddress(host + " resolves to a " + reason + " (" + address.getHostAddress() + ")");
            }
        }
        return addresses;
    }

    private InetAddress[] lookup(String host) throws UnknownHostException {
        String normalised = HostAllowList.normalise(host);
        String pinned = overrides.get(normalised);
        if (pinned != null) {
            return new InetAddress[] {InetAddress.getByName(pinned)};
        }
        InetAddress literal = AddressPolicy.literal(normalised);
        return literal != null ? new InetAddress[] {literal} : SystemDefaultDnsResolver.INSTANCE.resolve(normalised);
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    /** Travels through the client as an UnknownHostException, and is turned back into a refusal. */
    static final class RefusedAddress extends UnknownHostException {
        RefusedAddress(String reason) {
            super(reason);
        }

        FetchRefused refusal() {
            return new FetchRefused("Address not allowed: " + getMessage());
        }
    }
}
