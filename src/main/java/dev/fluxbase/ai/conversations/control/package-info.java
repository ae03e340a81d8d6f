/** Storing turns, resuming and listing conversations, titles, and deleting expired ones. */
package dev.fluxbase.ai.conversations.control;
