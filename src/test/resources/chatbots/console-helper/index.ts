/**
 * Console Helper
 *
 * @fluxbase:description A second chatbot for the web console's usage chart
 * @fluxbase:rate-limit 100
 * @fluxbase:daily-limit 1000
 */
export default `You help user {{user_id}} with short answers.`
