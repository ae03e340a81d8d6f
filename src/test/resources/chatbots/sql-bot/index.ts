/**
 * SQL Bot
 *
 * @fluxbase:description Reads orders and customers
 * @fluxbase:allowed-tables orders,customers
 * @fluxbase:allowed-operations SELECT
 * @fluxbase:allowed-schemas public
 */
export default `You answer questions about orders. User {{user_id}}.`
