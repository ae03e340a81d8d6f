/**
 * Record Keeper
 */
// @fluxbase:rate-limit 1000/min
export default `You keep records.`;
