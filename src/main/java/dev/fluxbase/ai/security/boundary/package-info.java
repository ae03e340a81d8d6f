/** JAX-RS filters and annotations that authenticate callers, guard resources and answer CORS requests. */
package dev.fluxbase.ai.security.boundary;
