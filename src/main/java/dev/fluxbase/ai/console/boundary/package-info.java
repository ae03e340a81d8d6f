/** Serves the console's static files with a strict Content-Security-Policy. */
package dev.fluxbase.ai.console.boundary;
