/**
 * Open Bot
 *
 * @fluxbase:description Anyone may talk to this chatbot
 * @fluxbase:allow-unauthenticated true
 */
export default `You are open to everybody. The user is {{user_id}}.`

export const tools = []
