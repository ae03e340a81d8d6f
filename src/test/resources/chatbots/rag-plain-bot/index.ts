/**
 * RAG Plain Bot
 *
 * @fluxbase:description A chatbot with no knowledge base, linked through the API by the knowledge-base tests
 */

export const tools = []

export default `You answer questions about anything.`
