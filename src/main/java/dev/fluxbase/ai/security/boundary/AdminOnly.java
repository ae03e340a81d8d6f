package dev.fluxbase.ai.security.boundary;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The resource is part of the admin API: role {@code admin} or {@code service_role}, or membership in one of
 * {@code fluxbase.auth.admin-groups}. No token gives 401 {@code AUTH_REQUIRED}; any other caller, the anon key
 * included, gets 403 {@code FORBIDDEN}.
 */
@NameBinding
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AdminOnly {
}
