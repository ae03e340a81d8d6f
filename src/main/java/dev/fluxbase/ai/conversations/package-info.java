/** Stored conversations: their turns, resuming them, their expiry, and the owner's conversation API. */
package dev.fluxbase.ai.conversations;
