package dev.fluxbase.ai.security.control;

import static dev.fluxbase.ai.security.entity.AuthenticationException.invalidToken;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Set;

/** Time and audience rules for claims whose signature has already been verified. */
final class ClaimsCheck {

    private final Duration skew;
    private final Clock clock;

    ClaimsCheck(Duration skew, Clock clock) {
        this.skew = skew;
        this.clock = clock;
    }

    void checkTimes(JWTClaimsSet claims) {
        Instant now = clock.instant();
        Date expires = claims.getExpirationTime();
        if (expires == null) {
            throw invalidToken("missing exp");
        }
        if (now.isAfter(expires.toInstant().plus(skew))) {
            throw invalidToken("expired");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.plus(skew).isBefore(notBefore.toInstant())) {
            throw invalidToken("not yet valid");
        }
    }

    static void checkAudience(JWTClaimsSet claims, Set<String> audiences) {
        List<String> presented = claims.getAudience();
        if (!audiences.isEmpty() && Collections.disjoint(audiences, presented)) {
            throw invalidToken("wrong audience");
        }
    }
}
