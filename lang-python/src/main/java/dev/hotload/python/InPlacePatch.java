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
        Map<String, PyObject[]> pairs = pairsDefinedAgain();
        Map<PyObject, PyObject> keptFor = new IdentityHashMap<>();
        pairs.values().forEach(pair -> keptFor.put(pair[1], pair[0]));
        List<Replacement> replaced = new ArrayList<>();
        ClassPatch classes = new ClassPatch(keptFor);
        refuseClasses(pairs, keptFor, classes, replaced);
        int functions = 0;
        int patchedClasses = 0;
        for (Map.Entry<String, PyObject[]> entry : pairs.entrySet()) {
            PyObject old = entry.getValue()[0];
            PyObject replacement = entry.getValue()[1];
            if (keptFor.get(replacement) != old) {
                continue; // refused
            }
            try {
                if (old instanceof PyFunction oldFunction) {
                    FunctionPatch patch = FunctionPatch.of(oldFunction, (PyFunction) replacement, keptFor);
                    if (patch.refusal().isPresent()) {
                        keptFor.remove(replacement);
                        replaced.add(new Replacement(entry.getKey(), patch.refusal().get()));
                        continue;
                    }
                    patch.apply();
                    functions++;
                } else {
                    classes.apply(entry.getKey(), old, replacement);
                    patchedClasses++;
                }
            } catch (PyException refused) {
                // What user code can raise in between (a metaclass's __getattribute__, a descriptor): the new
                // object stays under the name, as for any replacement, and the run is not failed for it.
                keptFor.remove(replacement);
                replaced.add(new Replacement(entry.getKey(), raisedWords(refused)));
                continue;
            }
            namespace.__setitem__(entry.getKey(), old);
        }
        replaced.addAll(classes.replaced());
        keepInstances(keptFor);
        return new PatchReport(functions, patchedClasses, replaced);
    }

    /** @return name to {old, new} for each function or class taken before that the run defined again, as such */
    private Map<String, PyObject[]> pairsDefinedAgain() {
        Map<String, PyObject[]> pairs = new LinkedHashMap<>();
        before.forEach((name, old) -> {
            PyObject now = namespace.__finditem__(name);
            boolean sameKind = old instanceof PyFunction
                    ? isFunctionOf(now, namespace, moduleName)
                    : ClassPatch.isClassOf(now, moduleName);
            if (now != null && now != old && sameKind) {
                pairs.put(name, new PyObject[] {old, now});
            }
        });
        return pairs;
    }

    /**
     * Finds the classes that must be replaced: a class is refused if its metaclass, bases or slots changed, and
     * so, in turn, is a class whose base is a refused class (the new base is no longer kept as the old one).
     */
    private static void refuseClasses(Map<String, PyObject[]> pairs, Map<PyObject, PyObject> keptFor,
            ClassPatch classes, List<Replacement> replaced) {
        boolean refusedOne = true;
        while (refusedOne) {
            refusedOne = false;
            for (Map.Entry<String, PyObject[]> entry : pairs.entrySet()) {
                PyObject old = entry.getValue()[0];
                PyObject replacement = entry.getValue()[1];
                if (old instanceof PyFunction || keptFor.get(replacement) != old) {
                    continue;
                }
                Optional<String> refusal = refusal(classes, old, replacement);
                if (refusal.isPresent()) {
                    keptFor.remove(replacement);
                    replaced.add(new Replacement(entry.getKey(), refusal.get()));
                    refusedOne = true;
                }
            }
        }
    }

    private static Optional<String> refusal(ClassPatch classes, PyObject old, PyObject replacement) {
        try {
            return classes.refusal(old, replacement);
        } catch (PyException raised) {
            return Optional.of(raisedWords(raised));
        }
    }

    /** A metaclass's or descriptor's code may raise while the patch looks: the class is then replaced. */
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
