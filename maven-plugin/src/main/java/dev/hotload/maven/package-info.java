/**
 * {@code mvn hotload:run}: hotload started from a Maven project. {@link dev.hotload.maven.RunMojo} is Maven's
 * side; {@link dev.hotload.maven.EntryChoice} finds the module and file to run, {@link dev.hotload.maven.ModuleSources}
 * a module's folders, {@link dev.hotload.maven.ProgramLayout} the whole program (its modules' sources, their
 * libraries through Maven's resolver), and {@link dev.hotload.maven.HotloadJvm} starts hotload on it in a JVM of its
 * own.
 */
package dev.hotload.maven;
