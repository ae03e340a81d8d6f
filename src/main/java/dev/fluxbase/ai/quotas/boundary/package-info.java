/** The admin usage report. */
package dev.fluxbase.ai.quotas.boundary;
