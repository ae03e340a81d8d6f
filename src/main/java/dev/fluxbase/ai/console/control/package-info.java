/** Reads the console's sign-in settings from configuration. */
package dev.fluxbase.ai.console.control;
