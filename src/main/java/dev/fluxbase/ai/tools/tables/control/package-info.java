/** The table tools and the parameterised statements they build from their arguments. */
package dev.fluxbase.ai.tools.tables.control;
