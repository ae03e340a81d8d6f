package dev.fluxbase.ai.quotas.entity;

/** Sums over ledger rows: admitted turns ({@code requests}), refused messages and tokens. */
public record UsageTotals(long requests, long refused, long promptTokens, long completionTokens) {

    public long totalTokens() {
        return promptTokens + completionTokens;
    }
}
