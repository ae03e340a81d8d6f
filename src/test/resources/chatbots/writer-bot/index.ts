/**
 * Writer Bot
 *
 * @fluxbase:description May add notes
 * @fluxbase:allowed-tables notes
 * @fluxbase:allowed-operations SELECT, INSERT
 */
export default `You keep notes for the user.`
