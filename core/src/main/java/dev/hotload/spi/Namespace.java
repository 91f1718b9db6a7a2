package dev.hotload.spi;

import java.util.List;
import java.util.OptionalInt;

/**
 * The running program's namespace, for a prompt that evaluates in it ({@code hotload --repl}): the entry module's
 * globals in Python, the script's binding in Groovy, JShell snippets over the program's classes in Java. A
 * {@link Session} that offers one keeps it current: after each reload, what the prompt evaluates sees the new code,
 * and after a reload that failed, the last good one.
 *
 * <p>A prompt calls it from threads of its own while the program may be running and a reload may begin; and
 * several prompts (hotload's terminal's, and each terminal attached with {@code hotload attach}) may call it at once:
 * an implementation keeps its own state safe for that. What an evaluation prints goes to {@code System.out} and {@code System.err}, as the program's
 * output does; errors in the typed code are the user's and are printed in the language's own form (a traceback
 * trimmed of hotload's frames, a compiler's message), never thrown.
 */
public interface Namespace {

    /** Whether a typed text can be evaluated as it is. */
    enum Input {
        /** Evaluate it: complete, or wrong in a way more lines would not mend (evaluating reports the error). */
        COMPLETE,
        /** An open block, bracket or string: the prompt asks for another line. */
        INCOMPLETE
    }

    /** The two prompts of the language's own interactive shell: for a first line, and for each line after it. */
    record Prompts(String first, String more) {
    }

    /** @return the language's prompts, e.g. {@code >>> } and {@code ... } for Python */
    Prompts prompts();

    /** @return whether {@code source}, the lines typed so far without the last line end, can be evaluated */
    Input check(String source);

    /**
     * Evaluates {@code source} in the namespace as the last good reload left it, printing what the language's
     * shell prints (an expression's value; the error of code that failed).
     *
     * @return the status the code asked to end the program with ({@code sys.exit(3)}, {@code System.exit(3)}),
     *     which ends hotload; empty otherwise
     * @throws InterruptedException if the evaluating thread was interrupted (Ctrl-C) and the code stopped
     */
    OptionalInt evaluate(String source) throws InterruptedException;

    /**
     * @param prefix the name being typed, with what it is an attribute or member of: {@code os.pa}, {@code pri}
     * @return the completions of {@code prefix}, each whole ({@code os.path}); without running any of the
     *     program's code that could have an effect (no getters called, no properties read)
     */
    List<String> complete(String prefix);
}
