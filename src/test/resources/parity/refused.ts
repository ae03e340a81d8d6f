/**
 * Record Keeper
 *
 * @fluxbase:mcp-tools query_table,insert_record,invoke_function
 */

export default `You keep records.`;
