/** The chat protocol's frames and a conversation's in-memory state. */
package dev.fluxbase.ai.chat.entity;
