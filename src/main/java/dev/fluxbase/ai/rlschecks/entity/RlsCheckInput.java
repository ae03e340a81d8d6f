package dev.fluxbase.ai.rlschecks.entity;

import java.util.List;
import java.util.Optional;

/** What a create or update request sets; a field left out of an update stays as it is. */
public record RlsCheckInput(Optional<String> name, Optional<String> question, Optional<String> sql, Optional<Long> auditId,
        Optional<String> ownerColumn, Optional<String> expectation, Optional<List<Impersonation>> users, Optional<List<String>> forbiddenOwners) {
}
