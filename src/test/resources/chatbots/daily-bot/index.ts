/**
 * Daily Bot
 *
 * @fluxbase:description Three messages a day per user, for the daily-limit tests
 * @fluxbase:rate-limit 100/min
 * @fluxbase:daily-limit 3/day
 * @fluxbase:token-budget 1000000
 */
export default `You answer briefly.`

export const tools = []
