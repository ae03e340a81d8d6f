/**
 * Sync test beta
 *
 * @fluxbase:max-tokens 111
 */
export default `You are beta.`
