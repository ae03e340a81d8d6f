/** Value objects shared across components, such as the schema-ready event. */
package dev.fluxbase.ai.platform.entity;
