/** Row-level security checks, the users they impersonate, and their verdicts. */
package dev.fluxbase.ai.rlschecks.entity;
