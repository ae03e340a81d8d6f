/**
 * Budget Bot
 *
 * @fluxbase:description A hundred tokens a day per user, for the token-budget tests
 * @fluxbase:rate-limit 100
 * @fluxbase:daily-limit 1000
 * @fluxbase:token-budget 100
 */
export default `You answer briefly.`

export const tools = []
