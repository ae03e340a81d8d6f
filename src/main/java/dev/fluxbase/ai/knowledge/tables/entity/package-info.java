/** What a table is (columns, keys, indexes), how it is exported, and the sync configurations of exports. */
package dev.fluxbase.ai.knowledge.tables.entity;
