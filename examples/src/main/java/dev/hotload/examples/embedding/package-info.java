/** A Java tool that hosts Jython for its plug-ins, and runs hotload inside its own interpreter. */
package dev.hotload.examples.embedding;
