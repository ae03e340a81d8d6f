/** The web console: static pages under {@code /console} that use the public and admin APIs from the browser. */
package dev.fluxbase.ai.console;
