/** Settings that chatbots read through {@code {{key}}}, {@code {{user:key}}} and {@code {{system:key}}}: system-wide or per user, plain or secret. */
package dev.fluxbase.ai.settings;
