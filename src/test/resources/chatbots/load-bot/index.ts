/**
 * Load Bot
 *
 * @fluxbase:description Practically unlimited, for the usage-accounting load test
 * @fluxbase:rate-limit 100000
 * @fluxbase:daily-limit 1000000
 * @fluxbase:token-budget 1000000000
 */
export default `You answer briefly.`

export const tools = []
