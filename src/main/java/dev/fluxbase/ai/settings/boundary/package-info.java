/** Settings over HTTP, as the Fluxbase SDK calls them: the admin's custom and secret settings, a user's own. */
package dev.fluxbase.ai.settings.boundary;
