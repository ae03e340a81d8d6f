/**
 * Console Bot
 *
 * @fluxbase:description Answers about orders; the web console's browser tests chat with it
 * @fluxbase:allowed-tables orders
 * @fluxbase:allowed-operations SELECT
 * @fluxbase:persist-conversations true
 * @fluxbase:rate-limit 100
 * @fluxbase:daily-limit 1000
 */
export default `You answer questions about the orders of user {{user_id}}.`
