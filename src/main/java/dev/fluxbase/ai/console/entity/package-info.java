/** What the console needs to know to sign in through an identity provider. */
package dev.fluxbase.ai.console.entity;
