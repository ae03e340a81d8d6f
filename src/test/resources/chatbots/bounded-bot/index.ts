/**
 * Bounded Bot
 *
 * @fluxbase:description Reads orders, and the LLM reads at most 1 KB of a tool result
 * @fluxbase:allowed-tables orders,customers
 * @fluxbase:allowed-operations SELECT
 * @fluxbase:allowed-schemas public
 * @fluxbase:max-tool-result-bytes 1024
 * @fluxbase:rate-limit 1000
 */
export default `You answer questions about orders in few words.`
