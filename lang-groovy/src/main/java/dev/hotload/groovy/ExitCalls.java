package dev.hotload.groovy;

import dev.hotload.run.ExitRequest;
import java.util.List;
import org.codehaus.groovy.ast.ClassCodeExpressionTransformer;
import org.codehaus.groovy.ast.ClassHelper;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.expr.ArgumentListExpression;
import org.codehaus.groovy.ast.expr.ClassExpression;
import org.codehaus.groovy.ast.expr.ClosureExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.MethodCallExpression;
import org.codehaus.groovy.ast.expr.PropertyExpression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;

/**
 * Rewrites {@code System.exit(n)}, {@code Runtime.runtime.exit(n)} and {@code Runtime.getRuntime().halt(n)} in a
 * script into calls of {@link ExitRequest}, which throw: a script that exits ends its run, never the hotload
 * session. Groovy dispatches such calls at run time, past any rewriting of the class files, so they are
 * rewritten in the syntax tree, once names are resolved.
 *
 * <p>Calls made through a variable ({@code def s = System; s.exit(1)}) or reflection are not seen.
 */
final class ExitCalls extends CompilationCustomizer {

    private static final ClassNode SYSTEM = ClassHelper.make(System.class);
    private static final ClassNode RUNTIME = ClassHelper.make(Runtime.class);
    private static final ClassNode EXIT_REQUEST = ClassHelper.make(ExitRequest.class);

    ExitCalls() {
        super(CompilePhase.CANONICALIZATION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        new Rewriter(source).visitClass(classNode);
    }

    private static final class Rewriter extends ClassCodeExpressionTransformer {

        private final SourceUnit source;

        Rewriter(SourceUnit source) {
            this.source = source;
        }

        @Override
        protected SourceUnit getSourceUnit() {
            return source;
        }

        @Override
        public Expression transform(Expression expression) {
            if (expression instanceof ClosureExpression closure) {
                // Not visited by the base class: a closure's code is a block of its own.
                closure.getCode().visit(this);
                return closure;
            }
            Expression transformed = expression == null ? null : expression.transformExpression(this);
            if (transformed instanceof MethodCallExpression call && singleArgument(call) != null) {
                String replacement = replacement(call);
                if (replacement != null) {
                    return rewritten(call, replacement);
                }
            }
            return transformed;
        }

        /** @return the ExitRequest method that stands for this call, or null if it is no exit call */
        private static String replacement(MethodCallExpression call) {
            String method = call.getMethodAsString();
            Expression receiver = call.getObjectExpression();
            if ("exit".equals(method) && isClass(receiver, SYSTEM)) {
                return "systemExit";
            }
            if (("exit".equals(method) || "halt".equals(method)) && isRuntime(receiver)) {
                return "exit".equals(method) ? "runtimeExit" : "runtimeHalt";
            }
            return null;
        }

        private static Expression rewritten(MethodCallExpression call, String replacement) {
            List<Expression> arguments = replacement.equals("systemExit")
                    ? List.of(singleArgument(call))
                    : List.of(call.getObjectExpression(), singleArgument(call));
            MethodCallExpression exit = new MethodCallExpression(new ClassExpression(EXIT_REQUEST), replacement,
                    new ArgumentListExpression(arguments));
            exit.setSourcePosition(call);
            return exit;
        }

        /** {@code Runtime.getRuntime()} or {@code Runtime.runtime} */
        private static boolean isRuntime(Expression receiver) {
            if (receiver instanceof MethodCallExpression getter) {
                return "getRuntime".equals(getter.getMethodAsString()) && isClass(getter.getObjectExpression(), RUNTIME);
            }
            if (receiver instanceof PropertyExpression property) {
                return "runtime".equals(property.getPropertyAsString()) && isClass(property.getObjectExpression(), RUNTIME);
            }
            return false;
        }

        private static boolean isClass(Expression expression, ClassNode type) {
            return expression instanceof ClassExpression named && named.getType().getName().equals(type.getName());
        }

        private static Expression singleArgument(MethodCallExpression call) {
            return call.getArguments() instanceof TupleExpression arguments && arguments.getExpressions().size() == 1
                    ? arguments.getExpression(0)
                    : null;
        }
    }
}
