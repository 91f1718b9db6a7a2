/**
 * Reloads Java classes: the {@code java} language of hotload. ECJ or javac ({@code --compiler}) runs in process,
 * kept warm, with class files in memory; the incremental build, the generations and the runs are core's
 * compiled-language pipeline ({@link dev.hotload.compiled}).
 */
package dev.hotload.java;
