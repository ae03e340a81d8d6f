/** Stored conversations and messages, and the views the API returns. */
package dev.fluxbase.ai.conversations.entity;
