package dev.hotload.python;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.python.core.Py;
import org.python.core.PyCell;
import org.python.core.PyException;
import org.python.core.PyFunction;
import org.python.core.PyObject;
import org.python.core.PyTuple;

/**
 * One function patched in place: the old function object takes the new one's code, defaults, docstring and
 * attributes, so that every reference to it (a listener a Java object holds, a Java interface proxy, whose handler
 * is the function, a bound method) runs the new code on its next call.
 *
 * <p>Jython takes new code only with as many free variables as the old closure has cells, and a closure cannot be
 * set: a function whose free variables changed cannot be patched. With the same free variables the old cells stay,
 * so each must hold what the new one holds; a function in a cell (a decorator's wrapped function) is patched too.
 * Either the function and every function in its closure are patched, or none is.
 */
final class FunctionPatch {

    /** Why a function is replaced rather than patched. */
    static final String CLOSURE_CHANGED = "closure changed";

    /** Old function to new: this function and the functions in its closure, each patched once. */
    private final Map<PyFunction, PyFunction> pairs = new IdentityHashMap<>();
    private final Map<PyObject, PyObject> keptFor;
    private String refusal;

    private FunctionPatch(Map<PyObject, PyObject> keptFor) {
        this.keptFor = keptFor;
    }

    /**
     * @param keptFor new object to the old one the module keeps under its name instead: a cell holding the new
     *     object holds what the old cell holds, once patched
     * @return the patch that makes {@code old} run {@code replacement}'s code, to {@link #apply()} unless refused
     */
    static FunctionPatch of(PyFunction old, PyFunction replacement, Map<PyObject, PyObject> keptFor) {
        FunctionPatch patch = new FunctionPatch(keptFor);
        patch.add(old, replacement);
        return patch;
    }

    /** @return why the function cannot be patched in place, if it cannot */
    Optional<String> refusal() {
        return Optional.ofNullable(refusal);
    }

    /** Patches every function of the plan; only when there is no {@link #refusal()}. */
    void apply() {
        if (refusal != null) {
            throw new IllegalStateException("not patchable: " + refusal);
        }
        pairs.forEach((old, replacement) -> {
            // Defaults before code: a call that comes in between runs the old code with the new defaults, which
            // is no worse than the other way round, and it is over in microseconds.
            old.setFuncDefaults(replacement.getFuncDefaults());
            old.setFuncCode(replacement.getFuncCode());
            old.setFuncDoc(replacement.getFuncDoc());
            old.setFuncDict(replacement.getFuncDict());
        });
    }

    private void add(PyFunction old, PyFunction replacement) {
        if (refusal != null || old == replacement || pairs.containsKey(old)) {
            return; // a function in its own closure (a recursive inner function) is planned once
        }
        if (!freeVariables(old).equals(freeVariables(replacement))) {
            refusal = CLOSURE_CHANGED;
            return;
        }
        pairs.put(old, replacement);
        List<PyObject> oldCells = cells(old);
        List<PyObject> newCells = cells(replacement);
        for (int i = 0; i < oldCells.size() && refusal == null; i++) {
            PyObject was = contents(oldCells.get(i));
            PyObject now = contents(newCells.get(i));
            if (was instanceof PyFunction oldFunction && now instanceof PyFunction newFunction && was != now
                    && keptFor.get(now) != was) {
                add(oldFunction, newFunction);
            } else if (!isSame(was, now)) {
                refusal = CLOSURE_CHANGED;
            }
        }
    }

    private boolean isSame(PyObject was, PyObject now) {
        if (was == now || (now != null && keptFor.get(now) == was)) {
            return true;
        }
        if (was == null || now == null) {
            return false;
        }
        try {
            return was.equals(now);
        } catch (PyException userEqualsFailed) {
            return false; // an __eq__ that raises tells nothing: the closure may have changed
        }
    }

    private static List<String> freeVariables(PyFunction function) {
        PyObject names = function.getFuncCode().__findattr__("co_freevars");
        return names instanceof PyTuple tuple ? Arrays.stream(tuple.getArray()).map(PyObject::toString).toList() : List.of();
    }

    private static List<PyObject> cells(PyFunction function) {
        PyObject closure = function.getFuncClosure();
        return closure instanceof PyTuple tuple ? List.of(tuple.getArray()) : List.of();
    }

    /** @return what the cell holds, or null for an empty cell (a name of the enclosing function not yet bound) */
    private static PyObject contents(PyObject cell) {
        return cell instanceof PyCell pyCell ? pyCell.ob_ref : cell == Py.None ? null : cell;
    }
}
