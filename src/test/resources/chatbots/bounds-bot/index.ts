/**
 * Bounds Bot
 *
 * @fluxbase:description Reads orders; ResultBoundsIT's own, so that other tests' messages leave its rate limit alone
 * @fluxbase:allowed-tables orders,customers
 * @fluxbase:allowed-operations SELECT
 * @fluxbase:allowed-schemas public
 * @fluxbase:rate-limit 1000
 */
export default `You answer questions about orders.`
