/** REST resources for provider administration. */
package dev.fluxbase.ai.providers.boundary;
