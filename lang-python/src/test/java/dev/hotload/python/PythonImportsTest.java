package dev.hotload.python;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonImportsTest {

    @TempDir
    Path dir;

    @BeforeEach
    void project() throws Exception {
        write("calc.py", "def add(a, b):\n    return a + b\n");
        write("shop/__init__.py", "");
        write("shop/prices.py", "from calc import add  # the sum\n");
        write("shop/cart.py", "from . import prices\n");
        write("shop/report.py", "import cart\n"); // Python 2's implicit relative import of shop.cart
        write("greeting.py", "def to(n): return n\n");
        write("test_calc.py", "import unittest\nimport calc\n");
        write("shop/test_cart.py", "import unittest\nfrom shop.cart import *\n");
        write("shop/test_report.py", "import unittest\nfrom .report import x\n");
        write("test_greeting.py", "import unittest, greeting as g\n");
        write(".venv/test_hidden.py", "import calc\n");
    }

    @Test
    void testModulesAreThoseNamedTestOutsideHiddenFolders() {
        assertThat(PythonImports.of(dir).testModules())
                .containsExactly("shop.test_cart", "shop.test_report", "test_calc", "test_greeting");
    }

    @Test
    void aSavedModuleAffectsEveryTestThatImportsItThroughAnyKindOfImport() {
        PythonImports imports = PythonImports.of(dir);

        assertThat(imports.testModulesUsing(List.of(dir.resolve("calc.py"))))
                .containsExactly("shop.test_cart", "shop.test_report", "test_calc");
        assertThat(imports.testModulesUsing(List.of(dir.resolve("shop/cart.py"))))
                .containsExactly("shop.test_cart", "shop.test_report");
        assertThat(imports.testModulesUsing(List.of(dir.resolve("greeting.py")))).containsExactly("test_greeting");
        assertThat(imports.testModulesUsing(List.of(dir.resolve("test_greeting.py")))).containsExactly("test_greeting");
    }

    private void write(String file, String source) throws Exception {
        Files.createDirectories(dir.resolve(file).getParent());
        Files.writeString(dir.resolve(file), source);
    }
}
