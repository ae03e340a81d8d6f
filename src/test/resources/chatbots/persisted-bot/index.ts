/**
 * Persisted Bot
 *
 * @fluxbase:description Keeps its conversations for an hour, three questions each
 * @fluxbase:persist-conversations true
 * @fluxbase:conversation-ttl 1h
 * @fluxbase:max-turns 3
 * @fluxbase:rate-limit 100
 * @fluxbase:daily-limit 1000
 */
export default `You remember what the user {{user_id}} said.`
