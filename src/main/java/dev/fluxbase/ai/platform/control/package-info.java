/** The database connection, schema migrations at boot, and other cross-cutting plumbing. */
package dev.fluxbase.ai.platform.control;
