/**
 * Reloads Java classes: the {@code java} language of hotload. A save recompiles the changed sources and their
 * dependents in process, and each compile runs in a fresh class loader (a generation).
 */
package dev.hotload.java;
