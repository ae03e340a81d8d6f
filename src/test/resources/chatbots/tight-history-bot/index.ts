/**
 * Tight History Bot
 *
 * @fluxbase:description Stores its conversations but allows two messages a minute
 * @fluxbase:persist-conversations true
 * @fluxbase:rate-limit 2
 */
export default `You answer briefly.`

export const tools = []
