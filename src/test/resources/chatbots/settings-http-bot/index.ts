/**
 * Settings HTTP Bot
 *
 * @fluxbase:description Fetches from a host and with a key that both come from the settings store
 * @fluxbase:http-allowed-domains {{system:settingsit.http_host}}
 */
export default `You fetch data from the web for the user.`

export const tools = ["http_get"]
