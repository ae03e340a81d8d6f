/**
 * Short Bot
 *
 * @fluxbase:description Two questions per conversation, nothing stored
 * @fluxbase:max-turns 2
 */
export default `You answer two questions.`

export const tools = []
