/** What a chatbot is: its settings, its system prompt and the tools it offers. */
package dev.fluxbase.ai.chatbots.entity;
