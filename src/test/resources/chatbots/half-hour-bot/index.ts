/**
 * Half-hour Bot
 *
 * @fluxbase:description Keeps its conversations for half an hour, written as Fluxbase writes it
 * @fluxbase:persist-conversations true
 * @fluxbase:conversation-ttl 30m
 * @fluxbase:rate-limit 100
 * @fluxbase:daily-limit 1000
 */
export default `You remember what the user said.`
