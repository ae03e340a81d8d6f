/** The caller's own conversations over REST. */
package dev.fluxbase.ai.conversations.boundary;
