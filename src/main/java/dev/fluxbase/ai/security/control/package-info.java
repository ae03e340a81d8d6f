/** Token verification, caller resolution and origin rules, usable from REST filters and the WebSocket alike. */
package dev.fluxbase.ai.security.control;
