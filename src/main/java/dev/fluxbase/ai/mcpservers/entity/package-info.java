/** Registered servers, their listed tools and what an admin sends. */
package dev.fluxbase.ai.mcpservers.entity;
