package dev.hotload.watch;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/**
 * A file's inode change time (POSIX {@code st_ctime}): the system sets it on every write, rename into place,
 * {@code chmod} or {@code touch}, and no user can set it back. A save that restores the modification time (as
 * {@code rsync -t}, {@code cp -p} and {@code touch -d} do) still moves it.
 *
 * <p>The JDK reads it with every file's attributes on Unix, but shows it only as the {@code unix:ctime} attribute,
 * which costs a second {@code stat} of the file: a poll of 50,000 files cannot pay that. So where the JDK lets
 * hotload in ({@code --add-opens java.base/sun.nio.fs=ALL-UNNAMED}, as {@code bin/hotload} starts it) it is taken
 * from the attributes already read; elsewhere from {@code unix:ctime}; where there is none (Windows) it is 0, and
 * the modification time, size, identity and content of fresh files decide alone.
 */
final class ChangeTime {

    private static final String UNIX_ATTRIBUTES = "sun.nio.fs.UnixFileAttributes";
    private static final Class<?> ATTRIBUTES = classOrNull(UNIX_ATTRIBUTES);
    private static final Class<?> WRAPPED = classOrNull(UNIX_ATTRIBUTES + "$UnixAsBasicFileAttributes");
    /** {@code UnixFileAttributes.ctime()}; null where the JDK does not let hotload call it. */
    private static final MethodHandle CTIME = handle(ATTRIBUTES, "ctime", FileTime.class);
    /** {@code UnixAsBasicFileAttributes.unwrap()}, the attributes a walk hands out; null as above. */
    private static final MethodHandle UNWRAP = handle(WRAPPED, "unwrap", Object.class);
    private static final boolean UNIX_VIEW = Path.of("").getFileSystem().supportedFileAttributeViews().contains("unix");

    private ChangeTime() {
    }

    /**
     * @param file a file whose attributes were just read
     * @param attributes those attributes
     * @return its inode change time in nanoseconds since the epoch; 0 where the system keeps none
     */
    static long nanos(Path file, BasicFileAttributes attributes) {
        Object unix = attributes;
        try {
            if (UNWRAP != null && WRAPPED.isInstance(unix)) {
                unix = (Object) UNWRAP.invokeExact((Object) unix);
            }
            if (CTIME != null && ATTRIBUTES.isInstance(unix)) {
                return ((FileTime) CTIME.invokeExact((Object) unix)).to(TimeUnit.NANOSECONDS);
            }
        } catch (Throwable unexpected) {
            // A JDK whose internals changed: ask the public way below.
        }
        return UNIX_VIEW ? fromUnixView(file) : 0;
    }

    /** @return whether the change time comes with the attributes already read, at no extra cost */
    static boolean isFree() {
        return CTIME != null && UNWRAP != null;
    }

    private static long fromUnixView(Path file) {
        try {
            return ((FileTime) Files.getAttribute(file, "unix:ctime")).to(TimeUnit.NANOSECONDS);
        } catch (IOException | RuntimeException goneOrUnreadable) {
            return 0;
        }
    }

    private static Class<?> classOrNull(String name) {
        try {
            return Class.forName(name, false, ClassLoader.getSystemClassLoader());
        } catch (ClassNotFoundException | LinkageError notThisPlatform) {
            return null;
        }
    }

    private static MethodHandle handle(Class<?> owner, String name, Class<?> returns) {
        if (owner == null) {
            return null;
        }
        try {
            Method method = owner.getDeclaredMethod(name);
            method.setAccessible(true);
            return MethodHandles.lookup().unreflect(method).asType(MethodType.methodType(returns, Object.class));
        } catch (ReflectiveOperationException | RuntimeException closedToUs) {
            // InaccessibleObjectException without --add-opens: the public, slower way serves.
            return null;
        }
    }
}
