package dev.fluxbase.ai.providers.control;

import dev.fluxbase.ai.platform.entity.ErrorCodes;
import dev.fluxbase.ai.providers.entity.ProviderException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Which providers a turn may use, best first: the chatbot's provider (chosen by an admin, else named
 * in its file), else the default stored provider, else the configuration provider, else the only
 * enabled provider. With failover the others follow: the default, the configuration provider, then
 * every other enabled provider by name. Disabled providers never appear.
 */
final class ProviderChoice {

    /** A provider as the choice sees it. */
    record Option(String id, String name, boolean isDefault) {
    }

    private ProviderChoice() {
    }

    /**
     * @param chosenId   the chatbot's {@code provider_id}, or null
     * @param chosenName the chatbot's {@code @fluxbase:provider}, or null
     * @param enabled    the enabled stored providers, sorted by name
     * @return provider ids, never empty
     * @throws ProviderException {@code NO_PROVIDER} when there is none at all
     */
    static List<String> candidates(String chosenId, String chosenName, List<Option> enabled, Optional<Option> configured,
            boolean failover) {
        List<Option> all = new ArrayList<>(enabled);
        configured.ifPresent(all::add);
        Optional<Option> preferred = all.stream().filter(o -> o.id().equals(chosenId)).findFirst()
                .or(() -> all.stream().filter(o -> o.name().equals(chosenName)).findFirst());
        Optional<Option> storedDefault = enabled.stream().filter(Option::isDefault).findFirst();
        Optional<Option> only = enabled.size() == 1 ? Optional.of(enabled.get(0)) : Optional.empty();
        Set<String> order = new LinkedHashSet<>();
        preferred.or(() -> storedDefault).or(() -> configured).or(() -> only).ifPresent(o -> order.add(o.id()));
        if (order.isEmpty()) {
            throw new ProviderException(ErrorCodes.NO_PROVIDER, "No AI provider configured");
        }
        if (failover) {
            storedDefault.ifPresent(o -> order.add(o.id()));
            configured.ifPresent(o -> order.add(o.id()));
            enabled.forEach(o -> order.add(o.id()));
        }
        return List.copyOf(order);
    }
}
