/** Application-wide endpoints: the JAX-RS application and health checks. */
package dev.fluxbase.ai.platform.boundary;
