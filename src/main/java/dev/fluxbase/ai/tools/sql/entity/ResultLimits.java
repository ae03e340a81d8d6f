package dev.fluxbase.ai.tools.sql.entity;

/**
 * How much of a query result the server takes in and passes on: at most {@code maxRows} rows, every value cut to
 * {@code maxCellBytes}, reading stopped once the rows read reach {@code maxResultBytes} (as JSON), and at most
 * {@code maxFrameBytes} for the {@code query_result} frame the client gets.
 */
public record ResultLimits(int maxRows, int maxCellBytes, long maxResultBytes, int maxFrameBytes) {

    public ResultLimits {
        if (maxRows < 1 || maxCellBytes < 64 || maxResultBytes < maxCellBytes || maxFrameBytes < 1024) {
            throw new IllegalArgumentException("result limits too small: " + maxRows + " rows, " + maxCellBytes + " bytes per value, "
                    + maxResultBytes + " bytes per result, " + maxFrameBytes + " bytes per frame");
        }
    }
}
