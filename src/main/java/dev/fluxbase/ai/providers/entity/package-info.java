/** Provider-neutral requests, streamed events, usage, provider settings and provider errors. */
package dev.fluxbase.ai.providers.entity;
