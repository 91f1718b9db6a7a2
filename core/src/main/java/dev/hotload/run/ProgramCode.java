package dev.hotload.run;

/**
 * What a class loader handed to {@link EntryRunner#replaceWith} can say of its classes: which are the program's
 * own, compiled from its sources. When the run is replaced, a thread it left behind that is running one of them
 * is running code being replaced, and is stopped with it; a thread running only the JDK's or a library's code (an
 * idle worker of a pool kept with {@link dev.hotload.Hotload#keep}, a kept server's acceptor) is left alone.
 */
public interface ProgramCode {

    /**
     * @param className a binary name as a stack frame shows it: {@code shapes.Main}, {@code Lib$1}
     * @return whether that class is one of the program's
     */
    boolean isProgramClass(String className);
}
