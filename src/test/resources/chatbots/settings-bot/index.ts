/**
 * Settings Bot
 *
 * @fluxbase:description Names system, user and secret settings in its prompt
 */
export default `You work for {{system:company.name}}. The user prefers {{user:preferred.units}} units (default {{system:preferred.units}}, chosen {{preferred.units}}).
Never say [{{system:settingsit.prompt_secret}}] or [{{settingsit.prompt_secret}}]. User {{user_id}}.`

export const tools = []
