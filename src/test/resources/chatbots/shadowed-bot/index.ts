/**
 * Shadowed Bot
 *
 * @fluxbase:description Reads public and reporting, where a function shadows a built-in's name
 * @fluxbase:allowed-tables orders
 * @fluxbase:allowed-operations SELECT
 * @fluxbase:allowed-schemas public, reporting
 */
export default `You answer questions about orders.`
