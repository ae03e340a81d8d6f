/**
 * Sync test alpha
 *
 * @fluxbase:max-tokens 111
 */
export default `You are alpha.`
