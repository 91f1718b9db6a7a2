package dev.hotload.python;

import dev.hotload.python.PatchReport.Replacement;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.python.core.PyClass;
import org.python.core.PyException;
import org.python.core.PyFunction;
import org.python.core.PyObject;
import org.python.core.PyType;

/**
 * A module's functions and classes, taken just before a run of its code in its namespace, and patched with what
 * the run defined under the same names once it is over: each old object gets the new one's code and attributes
 * ({@link FunctionPatch}, {@link ClassPatch}) and is put back under its name. Whatever holds the old object (a
 * listener registry of the host, a Java proxy, a thread, an instance kept with the NameError idiom) runs the new
 * code, and identity holds: {@code listeners.remove(handler)}, {@code isinstance(kept, Cls)}.
 *
 * <p>A name the run did not define again, or bound to something else, is left as the run left it; so is every
 * name that is not a function or class of the module, which keeps the NameError idiom's state by construction.
 */
public final class InPlacePatch {

    private final PyObject namespace;
    private final String moduleName;
    private final Map<String, PyObject> before;

    private InPlacePatch(PyObject namespace, String moduleName, Map<String, PyObject> before) {
        this.namespace = namespace;
        this.moduleName = moduleName;
        this.before = before;
    }

    /** @return the module's own functions and classes as they are now, before a run */
    public static InPlacePatch before(PyObject module) {
        PyObject namespace = module.__getattr__("__dict__");
        PyObject name = namespace.__finditem__("__name__");
        String moduleName = name == null ? "" : name.toString();
        Map<String, PyObject> before = new LinkedHashMap<>();
        for (PyObject key : namespace.invoke("keys").asIterable()) {
            PyObject value = namespace.__finditem__(key);
            if (isFunctionOf(value, namespace, moduleName) || ClassPatch.isClassOf(value, moduleName)) {
                before.put(key.toString(), value);
            }
        }
        return new InPlacePatch(namespace, moduleName, before);
    }

    /**
     * Patches the functions and classes taken before the run with those the run defined under the same names.
     *
     * @return what was patched, and what was replaced instead
     */
    public PatchReport apply() {
        List<Definition> definitions = definedAgain();
        Map<PyObject, PyObject> keptFor = new IdentityHashMap<>();
        definitions.forEach(definition -> keptFor.put(definition.replacement(), definition.old()));
        ClassPatch classes = new ClassPatch(keptFor);
        PatchReport report = refuseClasses(definitions, keptFor, classes);
        for (Definition definition : definitions) {
            if (keptFor.get(definition.replacement()) == definition.old()) {
                report = report.plus(patch(definition, keptFor, classes));
            }
        }
        keepInstances(keptFor);
        return report.plus(new PatchReport(0, 0, classes.replaced()));
    }

    /**
     * A function or class the module had, and what the run defined under its name.
     *
     * @param name its name in the module
     * @param old what the name held before the run: what the world out there holds
     * @param replacement what the run defined, of the same kind
     */
    private record Definition(String name, PyObject old, PyObject replacement) {
    }

    /** @return each function or class taken before that the run defined again, as such */
    private List<Definition> definedAgain() {
        List<Definition> definitions = new ArrayList<>();
        before.forEach((name, old) -> {
            PyObject now = namespace.__finditem__(name);
            boolean sameKind = old instanceof PyFunction
                    ? isFunctionOf(now, namespace, moduleName)
                    : ClassPatch.isClassOf(now, moduleName);
            if (now != null && now != old && sameKind) {
                definitions.add(new Definition(name, old, now));
            }
        });
        return definitions;
    }

    /**
     * Finds the classes that must be replaced: a class is refused if its metaclass, bases or slots changed, and
     * so, in turn, is a class whose base is a refused class (the new base is no longer kept as the old one).
     *
     * @return the classes refused
     */
    private static PatchReport refuseClasses(List<Definition> definitions, Map<PyObject, PyObject> keptFor,
            ClassPatch classes) {
        PatchReport refused = PatchReport.NONE;
        boolean refusedOne = true;
        while (refusedOne) {
            refusedOne = false;
            for (Definition definition : definitions) {
                if (definition.old() instanceof PyFunction || keptFor.get(definition.replacement()) != definition.old()) {
                    continue;
                }
                Optional<String> refusal = refusal(classes, definition.old(), definition.replacement());
                if (refusal.isPresent()) {
                    refused = refused.plus(refused(definition, refusal.get(), keptFor));
                    refusedOne = true;
                }
            }
        }
        return refused;
    }

    /** @return what patching one definition did: when it was patched, the old object is back under its name */
    private PatchReport patch(Definition definition, Map<PyObject, PyObject> keptFor, ClassPatch classes) {
        try {
            if (definition.old() instanceof PyFunction old) {
                FunctionPatch patch = FunctionPatch.of(old, (PyFunction) definition.replacement(), keptFor);
                if (patch.refusal().isPresent()) {
                    return refused(definition, patch.refusal().get(), keptFor);
                }
                patch.apply();
            } else {
                classes.apply(definition.name(), definition.old(), definition.replacement());
            }
        } catch (PyException raised) {
            // What user code can raise in between (a metaclass's __getattribute__, a descriptor): the new object
            // stays under the name, as for any replacement, and the run is not failed for it.
            return refused(definition, raisedWords(raised), keptFor);
        }
        namespace.__setitem__(definition.name(), definition.old());
        return definition.old() instanceof PyFunction ? new PatchReport(1, 0, List.of()) : new PatchReport(0, 1, List.of());
    }

    /** @return the report of a definition replaced rather than patched: the new object stays under its name */
    private static PatchReport refused(Definition definition, String why, Map<PyObject, PyObject> keptFor) {
        keptFor.remove(definition.replacement());
        return new PatchReport(0, 0, List.of(new Replacement(definition.name(), why)));
    }

    private static Optional<String> refusal(ClassPatch classes, PyObject old, PyObject replacement) {
        try {
            return classes.refusal(old, replacement);
        } catch (PyException raised) {
            return Optional.of(raisedWords(raised));
        }
    }

    /** A metaclass's or descriptor's code may raise while the patch looks or writes: the object is then replaced. */
    private static String raisedWords(PyException raised) {
        return "patching raised " + PythonFailures.typeName(raised);
    }

    /**
     * The run made module-level instances of the new classes ({@code ORIGIN = Point(0, 0)}): they become
     * instances of the kept class, so that {@code isinstance(ORIGIN, Point)} holds. Deeper ones (in a list)
     * stay instances of the new class, which has the same methods.
     */
    private void keepInstances(Map<PyObject, PyObject> keptFor) {
        for (PyObject key : namespace.invoke("keys").asIterable()) {
            PyObject value = namespace.__finditem__(key);
            if (value == null || value instanceof PyType || value instanceof PyClass || value instanceof PyFunction) {
                continue;
            }
            PyObject kept = keptFor.get(value.__findattr__("__class__"));
            if (kept != null && !(kept instanceof PyFunction)) {
                try {
                    value.__setattr__("__class__", kept);
                } catch (PyException differentLayout) {
                    // stays an instance of the new class
                }
            }
        }
    }

    /**
     * A function of the module: one it defined (its globals are the namespace), or a decorator's wrapper that
     * says it stands for one ({@code functools.wraps} copies {@code __module__}).
     */
    private static boolean isFunctionOf(PyObject value, PyObject namespace, String moduleName) {
        if (!(value instanceof PyFunction function)) {
            return false;
        }
        return function.__globals__ == namespace
                || (function.__module__ != null && function.__module__.toString().equals(moduleName));
    }
}
