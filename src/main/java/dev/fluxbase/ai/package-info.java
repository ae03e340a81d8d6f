/** Fluxbase-compatible AI chatbot server for PostgreSQL, deployed as a WAR on Payara Micro. */
package dev.fluxbase.ai;
