/**
 * Zero Bot
 *
 * @fluxbase:description A rate limit of 0 allows no messages at all
 * @fluxbase:rate-limit 0
 */
export default `You never get a question.`

export const tools = []
