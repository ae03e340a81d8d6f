/**
 * Document Finder
 *
 * Fluxbase annotations this server does not honour yet, none of which makes a chatbot more open when ignored.
 *
 * @fluxbase:rag-table documents
 * @fluxbase:rag-column embedding
 * @fluxbase:rag-content-column content
 * @fluxbase:use-mcp-schema
 * @fluxbase:allowed-operations SELECT,CREATE
 * @fluxbase:conversation-ttl 48h
 * @fluxbase:disable-execution-logs false
 * @fluxbase:reasoning-mode none
 */

export default `You find documents.`;
