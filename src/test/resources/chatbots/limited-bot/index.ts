/**
 * Limited Bot
 *
 * @fluxbase:description Twenty messages a minute per user, for the rate-limit tests
 * @fluxbase:rate-limit 20
 * @fluxbase:daily-limit 1000
 * @fluxbase:token-budget 10000000
 */
export default `You answer briefly.`

export const tools = []
