/** Storing, validating and running row-level security checks as the users they impersonate. */
package dev.fluxbase.ai.rlschecks.control;
