/** Admitting messages against shared counters, booking usage, client addresses behind proxies, and the counter jobs. */
package dev.fluxbase.ai.quotas.control;
