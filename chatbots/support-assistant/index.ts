/**
 * Support Assistant
 *
 * Answers customer questions from the product documentation and the FAQ.
 *
 * @fluxbase:description Customer support with knowledge base
 * @fluxbase:knowledge-base product-docs
 * @fluxbase:knowledge-base faq
 * @fluxbase:rag-max-chunks 5
 * @fluxbase:rag-similarity-threshold 0.3
 * @fluxbase:allowed-tables orders
 * @fluxbase:persist-conversations true
 * @fluxbase:rate-limit 20
 * @fluxbase:daily-limit 200
 */

export default `You are a helpful customer support assistant.

Use the provided context from the knowledge base to answer questions.
If you can't find relevant information in the context, say so honestly.
You may look up the current user's own orders with execute_sql.

Current user ID: {{user_id}}
`
