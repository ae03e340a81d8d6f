/**
 * SQL All Bot
 *
 * @fluxbase:description Reads every table of the public schema
 * @fluxbase:allowed-tables *
 * @fluxbase:allowed-operations SELECT
 * @fluxbase:max-iterations 3
 */
export default `You query anything in public.`
