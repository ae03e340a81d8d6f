/** Row-level security regression checks: a chatbot's recorded SQL run as impersonated users, and what each may see. */
package dev.fluxbase.ai.rlschecks;
