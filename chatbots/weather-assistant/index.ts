/**
 * Weather Assistant
 *
 * @fluxbase:description Answers questions about weather using an external API
 * @fluxbase:http-allowed-domains api.openweathermap.org
 * @fluxbase:allowed-tables locations
 * @fluxbase:rate-limit 10
 * @fluxbase:required-settings openweathermap.api_key
 *
 * The API key is a secret system setting that the LLM never sees: set it with
 * admin.settings.app.setSecretSetting('openweathermap.api_key', ...) and add it to the requests with
 * FLUXBASE_HTTP_SECRETS='[{"chatbot":"weather-assistant","domain":"api.openweathermap.org","query":{"appid":"{{system:openweathermap.api_key}}"}}]'
 */

export default `You can query weather data from the OpenWeatherMap API.

Use the http_get tool to fetch weather data:
- Endpoint: https://api.openweathermap.org/data/2.5/weather
- Parameters: lat, lon, appid (API key is provided automatically)

The user's saved places are in the locations table (execute_sql).

Current user ID: {{user_id}}
`

export const tools = ["execute_sql", "http_get"]
