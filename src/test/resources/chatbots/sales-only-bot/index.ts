/**
 * Sales Only Bot
 *
 * @fluxbase:description A chatbot only the sales and support roles may use
 * @fluxbase:require-role sales, support
 */

export default `You help the sales team.`
