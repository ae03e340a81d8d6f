/** Table exports over HTTP: the SDK's table details, table export and export-sync calls. */
package dev.fluxbase.ai.knowledge.tables.boundary;
