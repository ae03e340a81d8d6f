/**
 * Required Settings Bot
 *
 * @fluxbase:description Cannot answer without its settings
 * @fluxbase:required-settings settingsit.required_key
 */
export default `You answer once your settings are there.`

export const tools = []
