/**
 * Sync test steady: never changes
 */
export default `You are steady.`
