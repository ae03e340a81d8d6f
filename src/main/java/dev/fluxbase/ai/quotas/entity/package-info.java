/** Limits, counter windows, the usage ledger row and the limit errors. */
package dev.fluxbase.ai.quotas.entity;
