/** The database identity a query runs as, its outcome and limits, and the schema descriptions in the prompt. */
package dev.fluxbase.ai.tools.sql.entity;
