/** REST resources for chatbots: the public list and lookup, and the admin API. */
package dev.fluxbase.ai.chatbots.boundary;
