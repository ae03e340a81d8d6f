package dev.fluxbase.ai.quotas.control;

import dev.fluxbase.ai.quotas.entity.AddressRange;
import dev.fluxbase.ai.quotas.entity.ClientKey;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The address anonymous users are limited by. {@code X-Forwarded-For} is honoured only hop by hop from
 * the right, while the hop that reported it is a trusted proxy ({@code fluxbase.limits.trusted-proxies});
 * anyone else could write any address into it and get fresh limits. The address found is keyed by
 * {@link ClientKey}: an IPv6 client by its network ({@code fluxbase.limits.ipv6-prefix-length} bits).
 */
@ApplicationScoped
public class ClientAddresses {

    @Inject
    @ConfigProperty(name = "fluxbase.limits.trusted-proxies")
    Optional<String> trustedProxiesSetting;

    @Inject
    @ConfigProperty(name = "fluxbase.limits.ipv6-prefix-length", defaultValue = "64")
    int ipv6PrefixLength;

    private List<AddressRange> trustedProxies = List.of();

    /** For CDI. */
    protected ClientAddresses() {
    }

    public ClientAddresses(List<AddressRange> trustedProxies, int ipv6PrefixLength) {
        this.trustedProxies = List.copyOf(trustedProxies);
        this.ipv6PrefixLength = checked(ipv6PrefixLength);
    }

    @PostConstruct
    void readConfiguration() {
        trustedProxies = trustedProxiesSetting.map(ClientAddresses::parse).orElse(List.of());
        checked(ipv6PrefixLength);
    }

    /**
     * @param peer         the address of the direct peer, null when the container did not tell
     * @param forwardedFor the {@code X-Forwarded-For} header, null when absent
     * @return the client's {@link ClientKey}
     */
    public String resolve(String peer, String forwardedFor) {
        Optional<InetAddress> direct = AddressRange.literal(peer);
        if (direct.isEmpty()) {
            return ClientKey.of(peer, ipv6PrefixLength);
        }
        List<String> hops = new ArrayList<>(forwardedFor == null ? List.of() : Arrays.asList(forwardedFor.split(",")));
        InetAddress client = direct.get();
        while (isTrusted(client) && !hops.isEmpty()) {
            Optional<InetAddress> previous = AddressRange.literal(hops.remove(hops.size() - 1));
            if (previous.isEmpty()) {
                break; // a trusted proxy passed on garbage: the proxy is the best we know
            }
            client = previous.get();
        }
        return ClientKey.of(client.getHostAddress(), ipv6PrefixLength);
    }

    private static int checked(int ipv6PrefixLength) {
        if (ipv6PrefixLength < 0 || ipv6PrefixLength > 128) {
            throw new IllegalArgumentException("fluxbase.limits.ipv6-prefix-length must be 0 to 128, not " + ipv6PrefixLength);
        }
        return ipv6PrefixLength;
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(range -> range.contains(address));
    }

    private static List<AddressRange> parse(String setting) {
        return Arrays.stream(setting.split(",")).map(String::strip).filter(s -> !s.isEmpty()).map(AddressRange::parse).toList();
    }
}
