package dev.hotload.groovy;

import java.util.List;
import org.codehaus.groovy.ast.ClassNode;
import org.codehaus.groovy.ast.MethodNode;
import org.codehaus.groovy.ast.Parameter;
import org.codehaus.groovy.ast.expr.BinaryExpression;
import org.codehaus.groovy.ast.expr.CastExpression;
import org.codehaus.groovy.ast.expr.ConstantExpression;
import org.codehaus.groovy.ast.expr.DeclarationExpression;
import org.codehaus.groovy.ast.expr.EmptyExpression;
import org.codehaus.groovy.ast.expr.Expression;
import org.codehaus.groovy.ast.expr.TupleExpression;
import org.codehaus.groovy.ast.expr.VariableExpression;
import org.codehaus.groovy.ast.stmt.BlockStatement;
import org.codehaus.groovy.ast.stmt.ExpressionStatement;
import org.codehaus.groovy.ast.stmt.Statement;
import org.codehaus.groovy.classgen.GeneratorContext;
import org.codehaus.groovy.control.CompilePhase;
import org.codehaus.groovy.control.SourceUnit;
import org.codehaus.groovy.control.customizers.CompilationCustomizer;
import org.codehaus.groovy.syntax.Token;
import org.codehaus.groovy.syntax.Types;

/**
 * Makes a variable declared at the top level of a line typed at the prompt ({@code def x = 1}, {@code int n = 2},
 * {@code def (a, b) = [1, 2]}) a variable of the binding, as groovysh's interpreter mode does: each line is a
 * script of its own, whose local variables would be gone by the next line. A declaration inside a block, a
 * closure or a method stays local; an annotated one ({@code @Field}) stays as written.
 */
final class PromptDeclarations extends CompilationCustomizer {

    PromptDeclarations() {
        super(CompilePhase.CONVERSION);
    }

    @Override
    public void call(SourceUnit source, GeneratorContext context, ClassNode classNode) {
        if (!classNode.isScript()) {
            return;
        }
        MethodNode run = classNode.getMethod("run", Parameter.EMPTY_ARRAY);
        if (run == null || !(run.getCode() instanceof BlockStatement block)) {
            return;
        }
        for (Statement statement : block.getStatements()) {
            if (statement instanceof ExpressionStatement line && line.getExpression() instanceof DeclarationExpression declaration
                    && declaration.getAnnotations().isEmpty()) {
                line.setExpression(assignment(declaration));
            }
        }
    }

    /** {@code def x = 1} as {@code x = 1}; a typed one casts, as the declaration would have. */
    private static Expression assignment(DeclarationExpression declaration) {
        Expression value = declaration.getRightExpression();
        if (value instanceof EmptyExpression) {
            value = ConstantExpression.NULL;
        }
        Expression target;
        if (declaration.isMultipleAssignmentDeclaration()) {
            List<Expression> names = declaration.getTupleExpression().getExpressions().stream()
                    .map(name -> (Expression) new VariableExpression(((VariableExpression) name).getName()))
                    .toList();
            target = new TupleExpression(names);
        } else {
            VariableExpression variable = declaration.getVariableExpression();
            target = new VariableExpression(variable.getName());
            if (!variable.isDynamicTyped() && value != ConstantExpression.NULL) {
                value = new CastExpression(variable.getOriginType(), value);
            }
        }
        Token assign = Token.newSymbol(Types.ASSIGN, declaration.getLineNumber(), declaration.getColumnNumber());
        BinaryExpression assignment = new BinaryExpression(target, assign, value);
        assignment.setSourcePosition(declaration);
        return assignment;
    }
}
