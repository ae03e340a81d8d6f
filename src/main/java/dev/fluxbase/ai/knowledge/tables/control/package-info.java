/** Reading a table as the export role, rendering it as a knowledge-base document, and keeping exports in sync. */
package dev.fluxbase.ai.knowledge.tables.control;
