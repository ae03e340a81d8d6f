/**
 * Intent Bot
 *
 * @fluxbase:description Orders and customers, with Fluxbase's intent rules, required columns and default table
 * @fluxbase:allowed-tables orders,customers
 * @fluxbase:intent-rules [{"keywords":["customer"],"requiredTable":"customers","forbiddenTable":"orders"}]
 * @fluxbase:intent-rules [{"keywords":["weather"],"forbiddenTool":"execute_sql"}]
 * @fluxbase:required-columns orders=id,item
 * @fluxbase:default-table orders
 * @fluxbase:response-language German
 * @fluxbase:version 3
 * @fluxbase:rate-limit 100
 * @fluxbase:daily-limit 1000
 */
export default `You answer questions about orders.`
