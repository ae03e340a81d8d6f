/**
 * Skeleton Bot
 *
 * @fluxbase:description A chatbot the walking-skeleton tests talk to
 * @fluxbase:max-tokens 321
 * @fluxbase:temperature 0.3
 */

export default `You are the skeleton bot of namespace {{namespace}}.
Current user ID: {{user_id}}. Keep {{unknown}} and {{ unknown }} as written; [{{user:unknown}}] is a setting nobody set.`
