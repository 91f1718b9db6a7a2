package dev.hotload.python;

import dev.hotload.python.PatchReport.Replacement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.python.core.PyClass;
import org.python.core.PyClassMethod;
import org.python.core.PyDataDescr;
import org.python.core.PyException;
import org.python.core.PyFunction;
import org.python.core.PyObject;
import org.python.core.PyProperty;
import org.python.core.PyProxy;
import org.python.core.PySlot;
import org.python.core.PyStaticMethod;
import org.python.core.PyTuple;
import org.python.core.PyType;

/**
 * One class patched in place: the old class object takes every attribute of the new one's {@code __dict__}, its
 * methods patched in place as functions are (so that a bound method kept elsewhere runs the new code too), and
 * loses the methods the new one no longer has. Instances made before the save, kept across reloads, run the new
 * methods; {@code isinstance(kept, Cls)} holds, since {@code Cls} is still the old class.
 *
 * <p>An instance's layout and method resolution come from its class's metaclass, bases and slots, which cannot
 * change under the instances: a class where one of them changed is replaced, not patched.
 */
final class ClassPatch {

    /** What the class statement makes for each class anew, or what Jython will not take from another class. */
    private static final Set<String> NOT_COPIED = Set.of("__dict__", "__weakref__", "__module__", "__slots__");

    private final Map<PyObject, PyObject> keptFor;
    private final List<Replacement> replaced = new ArrayList<>();

    /**
     * @param keptFor new object to the old one the module keeps under its name instead (every function and
     *     class patched): a new class whose base is a new class kept as the old one has the old one's bases
     */
    ClassPatch(Map<PyObject, PyObject> keptFor) {
        this.keptFor = keptFor;
    }

    /** @return whether the object is a class, new-style or old-style, defined in the module named */
    static boolean isClassOf(PyObject value, String moduleName) {
        if (!(value instanceof PyType || value instanceof PyClass)) {
            return false;
        }
        try {
            PyObject module = value.__findattr__("__module__");
            return module != null && module.toString().equals(moduleName);
        } catch (PyException raised) {
            return false; // a metaclass's __getattribute__ that raises: a class hotload cannot look into
        }
    }

    /** @return why {@code old} cannot take {@code replacement}'s attributes, if it cannot */
    Optional<String> refusal(PyObject old, PyObject replacement) {
        if (old.getType() != replacement.getType() && keptFor.get(replacement.getType()) != old.getType()) {
            return Optional.of("metaclass changed"); // a metaclass of the module's own, patched itself, is the same
        }
        PyObject[] oldBases = bases(old);
        PyObject[] newBases = bases(replacement);
        if (oldBases.length != newBases.length) {
            return Optional.of("bases changed");
        }
        for (int i = 0; i < oldBases.length; i++) {
            if (!isSameBase(oldBases[i], newBases[i])) {
                return Optional.of("bases changed");
            }
        }
        PyObject oldSlots = attribute(old, "__slots__");
        PyObject newSlots = attribute(replacement, "__slots__");
        if (oldSlots != newSlots && (oldSlots == null || newSlots == null || !oldSlots.equals(newSlots))) {
            return Optional.of("slots changed");
        }
        return Optional.empty();
    }

    /**
     * Gives {@code old} every attribute of {@code replacement}; only when there is no {@link #refusal}.
     *
     * @param name the class's name in the module, for what is reported
     */
    void apply(String name, PyObject old, PyObject replacement) {
        PyObject oldDict = old.__getattr__("__dict__");
        PyObject newDict = replacement.__getattr__("__dict__");
        for (PyObject key : newDict.invoke("keys").asIterable()) {
            String attribute = key.toString();
            PyObject now = newDict.__finditem__(key);
            if (NOT_COPIED.contains(attribute) || now instanceof PySlot || now instanceof PyDataDescr) {
                continue; // a slot's descriptor reads its own class's instances only
            }
            PyObject was = oldDict.__finditem__(key);
            if (was == null || !patchMember(name + "." + attribute, was, now)) {
                set(old, attribute, keptFor.getOrDefault(now, now));
            }
        }
        for (PyObject key : oldDict.invoke("keys").asIterable()) {
            if (newDict.__finditem__(key) == null && isMethod(oldDict.__finditem__(key))) {
                delete(old, key.toString());
            }
        }
    }

    /** @return the methods that could not be patched so far, replaced on their class by the new ones */
    List<Replacement> replaced() {
        return List.copyOf(replaced);
    }

    /** @return whether {@code was}, on the old class, now does what {@code now} does, patched in place */
    private boolean patchMember(String name, PyObject was, PyObject now) {
        if (keptFor.get(now) == was) {
            return true; // a module-level function or class, patched as such
        }
        if (was instanceof PyFunction oldFunction && now instanceof PyFunction newFunction) {
            return patchFunction(name, oldFunction, newFunction);
        }
        boolean sameWrapper = (was instanceof PyStaticMethod && now instanceof PyStaticMethod)
                || (was instanceof PyClassMethod && now instanceof PyClassMethod);
        if (sameWrapper && was.__findattr__("__func__") instanceof PyFunction oldFunction
                && now.__findattr__("__func__") instanceof PyFunction newFunction) {
            return patchFunction(name, oldFunction, newFunction);
        }
        if (isClassOfSameModule(was, now) && refusal(was, now).isEmpty()) {
            apply(name, was, now); // a nested class: its instances are kept too
            return true;
        }
        return false;
    }

    private boolean patchFunction(String name, PyFunction old, PyFunction replacement) {
        FunctionPatch patch = FunctionPatch.of(old, replacement, keptFor);
        if (patch.refusal().isPresent()) {
            replaced.add(new Replacement(name, patch.refusal().get()));
            return false;
        }
        patch.apply();
        return true;
    }

    private boolean isSameBase(PyObject old, PyObject replacement) {
        if (old == replacement || keptFor.get(replacement) == old) {
            return true;
        }
        // A class that extends a Java class or interface has as base a proxy class Jython made for it alone: the
        // same Java supertypes make the same base.
        return old instanceof PyType oldType && replacement instanceof PyType newType
                && isJavaProxy(oldType.getProxyType()) && isJavaProxy(newType.getProxyType())
                && javaSupertypes(oldType.getProxyType()).equals(javaSupertypes(newType.getProxyType()));
    }

    private static boolean isJavaProxy(Class<?> type) {
        return type != null && PyProxy.class.isAssignableFrom(type) && type.getName().startsWith("org.python.proxies.");
    }

    private static List<Class<?>> javaSupertypes(Class<?> proxy) {
        List<Class<?>> supertypes = new ArrayList<>(List.of(proxy.getInterfaces()));
        supertypes.add(proxy.getSuperclass());
        return supertypes;
    }

    private static boolean isClassOfSameModule(PyObject was, PyObject now) {
        PyObject module = was.__findattr__("__module__");
        return module != null && isClassOf(was, module.toString()) && isClassOf(now, module.toString());
    }

    private static boolean isMethod(PyObject value) {
        return value instanceof PyFunction || value instanceof PyStaticMethod || value instanceof PyClassMethod
                || value instanceof PyProperty;
    }

    private static PyObject[] bases(PyObject type) {
        PyObject bases = type.__findattr__("__bases__");
        return bases instanceof PyTuple tuple ? tuple.getArray() : new PyObject[0];
    }

    private static PyObject attribute(PyObject type, String name) {
        return type.__getattr__("__dict__").__finditem__(name);
    }

    /** Jython refuses some attributes on some classes (a Java type's, a read-only one): those stay as they were. */
    private static void set(PyObject type, String attribute, PyObject value) {
        try {
            type.__setattr__(attribute, value);
        } catch (PyException refused) {
            // kept as it was
        }
    }

    private static void delete(PyObject type, String attribute) {
        try {
            type.__delattr__(attribute);
        } catch (PyException refused) {
            // kept as it was
        }
    }
}
