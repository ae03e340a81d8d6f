package dev.fluxbase.ai.security.boundary;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The resource needs a known user: a verified token whose role is not {@code anon}. The anon key only proves
 * which application calls, so it gets the same 401 {@code AUTH_REQUIRED} as no token at all.
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Authenticated {
}
