/**
 * Bench Bot
 *
 * @fluxbase:description The load benchmark's chatbot: limits far above anything the bench sends, so they never interfere
 * @fluxbase:rate-limit 1000000
 * @fluxbase:daily-limit 100000000
 * @fluxbase:token-budget 2000000000
 * @fluxbase:max-turns 1000000
 */
export default `You answer briefly.`

export const tools = []
