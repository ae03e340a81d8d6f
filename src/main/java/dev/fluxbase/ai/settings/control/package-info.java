/** The settings store, its short-lived cache, and the resolution of placeholders for a chat turn. */
package dev.fluxbase.ai.settings.control;
