package dev.fluxbase.ai.chat.control;

import dev.fluxbase.ai.chat.entity.ChatIdentity;
import dev.fluxbase.ai.platform.control.DatabaseRoles;
import dev.fluxbase.ai.platform.entity.JsonFactories;
import dev.fluxbase.ai.security.entity.Caller;
import dev.fluxbase.ai.tools.sql.entity.DatabaseIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;

/** Maps a verified caller (or an impersonated user) to the identity a conversation runs with. */
@ApplicationScoped
public class IdentityFactory {

    private static final JsonProvider JSON = JsonFactories.PROVIDER;

    @Inject
    DatabaseRoles roles;

    public ChatIdentity of(Caller caller) {
        DatabaseIdentity database = new DatabaseIdentity(roles.forClaimRole(caller.role()), caller.userId(), caller.role(), caller.claims());
        return new ChatIdentity(caller.userId(), caller.isAnonymous(), database);
    }

    /** An admin testing as another user gets exactly that user's database rights, not their own. */
    public ChatIdentity impersonating(String userId, Caller admin) {
        String claims = JSON.createObjectBuilder()
                .add("sub", userId)
                .add("role", Caller.AUTHENTICATED)
                .add("impersonated_by", admin.userId() == null ? admin.role() : admin.userId())
                .build().toString();
        DatabaseIdentity database = new DatabaseIdentity(roles.authenticated(), userId, Caller.AUTHENTICATED, claims);
        return new ChatIdentity(userId, false, database);
    }
}
