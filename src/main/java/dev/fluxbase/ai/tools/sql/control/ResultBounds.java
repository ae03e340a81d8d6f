package dev.fluxbase.ai.tools.sql.control;

import dev.fluxbase.ai.tools.sql.entity.ResultLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The configured bounds of one {@code execute_sql} result. The defaults: 1000 rows; 20,000 bytes per value (a
 * long text or a JSON document stays readable, a whole file does not); 4 MB read per query (about 200 such values,
 * and far more than a person reads in a chat); 1 MB per {@code query_result} frame (what a browser renders
 * without stalling, and what the conversation stores).
 */
@ApplicationScoped
public class ResultBounds {

    @Inject
    @ConfigProperty(name = "fluxbase.sql.max-rows", defaultValue = "1000")
    int maxRows;

    @Inject
    @ConfigProperty(name = "fluxbase.sql.max-cell-bytes", defaultValue = "20000")
    int maxCellBytes;

    @Inject
    @ConfigProperty(name = "fluxbase.sql.max-result-bytes", defaultValue = "4194304")
    long maxResultBytes;

    @Inject
    @ConfigProperty(name = "fluxbase.sql.max-frame-bytes", defaultValue = "1048576")
    int maxFrameBytes;

    public ResultLimits limits() {
        return new ResultLimits(maxRows, maxCellBytes, maxResultBytes, maxFrameBytes);
    }
}
