/**
 * RAG Bot
 *
 * @fluxbase:description Answers from the rag-handbook knowledge base (knowledge-base tests)
 * @fluxbase:knowledge-base rag-handbook
 * @fluxbase:rag-max-chunks 2
 * @fluxbase:rag-similarity-threshold 0.1
 */

export const tools = []

export default `You answer questions about the company handbook.`
