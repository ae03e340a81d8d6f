/** Provider-neutral requests, streamed events, usage and provider errors. */
package dev.fluxbase.ai.providers.entity;
