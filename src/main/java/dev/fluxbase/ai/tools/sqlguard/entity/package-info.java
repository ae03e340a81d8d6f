/** What a chatbot's SQL may touch, and the guard's verdict on one statement. */
package dev.fluxbase.ai.tools.sqlguard.entity;
