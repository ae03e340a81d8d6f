/**
 * Unlogged Bot
 *
 * @fluxbase:description Queries orders without execution logs
 * @fluxbase:allowed-tables orders
 * @fluxbase:disable-execution-logs true
 * @fluxbase:rate-limit 100
 * @fluxbase:daily-limit 1000
 */
export default `You answer questions about orders.`
