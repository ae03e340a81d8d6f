/**
 * SSO Documents Bot
 *
 * @fluxbase:description Reads documents under row-level security, for anyone (KeycloakSsoIT)
 * @fluxbase:allowed-tables sso_documents
 * @fluxbase:allowed-operations SELECT
 * @fluxbase:allowed-schemas public
 * @fluxbase:allow-unauthenticated true
 */
export default `You answer questions about the user's documents.`
