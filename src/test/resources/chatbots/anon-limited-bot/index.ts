/**
 * Anonymous Limited Bot
 *
 * @fluxbase:description Anyone may talk to it, two messages a minute per client address
 * @fluxbase:allow-unauthenticated true
 * @fluxbase:rate-limit 2
 * @fluxbase:daily-limit 1000
 */
export default `You answer anybody, briefly.`

export const tools = []
