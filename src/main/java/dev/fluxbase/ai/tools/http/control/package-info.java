/** The http_get tool: URL and address checks, a client that connects only to checked addresses, per-chatbot secrets. */
package dev.fluxbase.ai.tools.http.control;
