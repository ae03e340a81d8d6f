/**
 * Writer Bot
 *
 * @fluxbase:description May add notes
 * @fluxbase:allowed-tables notes
 * @fluxbase:allowed-operations SELECT, INSERT
 * @fluxbase:confirm-writes false
 */
export default `You keep notes for the user.`
