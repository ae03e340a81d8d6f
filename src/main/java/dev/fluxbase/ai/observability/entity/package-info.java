/** The names of OpenTelemetry's GenAI semantic conventions and the histograms this server records. */
package dev.fluxbase.ai.observability.entity;
