/** What settings are: keys, values (plain or sealed), the placeholders that name them, and their limits. */
package dev.fluxbase.ai.settings.entity;
