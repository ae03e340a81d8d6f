/** Histograms for OpenTelemetry and {@code /metrics}, the JSON log format and the log context of a chat turn. */
package dev.fluxbase.ai.observability.control;
