/** Runs the SQL the guard passed: the execute_sql tool, its bounded results, the schema it describes, its audit and metrics. */
package dev.fluxbase.ai.tools.sql.control;
