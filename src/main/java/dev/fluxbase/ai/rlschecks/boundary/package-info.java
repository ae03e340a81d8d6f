/** The admin API of row-level security checks, under a chatbot. */
package dev.fluxbase.ai.rlschecks.boundary;
