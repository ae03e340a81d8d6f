/**
 * HTTP Bot
 *
 * @fluxbase:description Fetches from a few allowed hosts
 * @fluxbase:http-allowed-domains localhost, api.allowed.test, *.weather.test
 */
export default `You fetch data from the web for the user.`

export const tools = ["http_get"]
