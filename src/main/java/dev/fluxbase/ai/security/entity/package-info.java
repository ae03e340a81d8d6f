/** Who is calling: the verified identity taken from a token, and the authentication failure. */
package dev.fluxbase.ai.security.entity;
