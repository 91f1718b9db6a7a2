/**
 * Reloads Groovy scripts: the {@code groovy} language of hotload. A save recompiles the changed sources of the
 * script's program in process, each compile runs in a fresh class loader (a generation), and the script's
 * Binding carries state from one run to the next.
 */
package dev.hotload.groovy;
