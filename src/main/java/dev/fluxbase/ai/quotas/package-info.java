/** Limits per user and chatbot, the usage ledger, and the jobs that keep their counters tidy. */
package dev.fluxbase.ai.quotas;
