/**
 * Bench SQL Bot
 *
 * @fluxbase:description The load benchmark's SQL chatbot: execute_sql on three tables, so their description goes into every turn's prompt; limits far above anything the bench sends
 * @fluxbase:allowed-tables products, orders, customers
 * @fluxbase:allowed-operations SELECT
 * @fluxbase:allowed-schemas public
 * @fluxbase:rate-limit 1000000
 * @fluxbase:daily-limit 100000000
 * @fluxbase:token-budget 2000000000
 * @fluxbase:max-turns 1000000
 */
export default `You answer questions about the shop's data briefly, querying it when needed.

Current user ID: {{user_id}}
`

export const tools = ["execute_sql"]
