/**
 * Reservation Bot
 *
 * @fluxbase:description A thousand tokens a day per user, a hundred reserved per running turn, for the token-reservation tests
 * @fluxbase:rate-limit 1000
 * @fluxbase:daily-limit 1000
 * @fluxbase:token-budget 1000
 * @fluxbase:max-tokens 100
 */
export default `You answer briefly.`

export const tools = []
