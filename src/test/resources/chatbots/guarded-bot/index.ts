/**
 * Guarded Bot
 *
 * @fluxbase:description Reads orders and customers, and may call one RPC function
 * @fluxbase:allowed-tables orders,customers
 * @fluxbase:allowed-operations SELECT
 * @fluxbase:allowed-schemas public
 * @fluxbase:allowed-functions public.order_total
 * @fluxbase:rate-limit 100000
 * @fluxbase:daily-limit 100000
 * @fluxbase:token-budget 100000000
 * @fluxbase:max-turns 100000
 */
export default `You answer questions about orders.`
