/**
 * Reloads Groovy scripts: the {@code groovy} language of hotload. Groovy's compiler runs in process, reads the
 * program's unchanged classes from memory and rewrites exit calls in the syntax tree; the script's Binding
 * carries state from one run to the next. The incremental build, the generations and the runs are core's
 * compiled-language pipeline ({@link dev.hotload.compiled}).
 */
package dev.hotload.groovy;
