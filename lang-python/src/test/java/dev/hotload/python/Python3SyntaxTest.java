package dev.hotload.python;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Python3SyntaxTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "print(f'Result: {x}')|f-strings", "y = F\"{x}\"|f-strings", "y = rf'{x}\\d'|f-strings", "y = fr\"{x}\"|f-strings",
            "print('a', end='')|print(..., end=", "print(x, file=sys.stderr)|print(..., end=",
            "async def main():|async and await", "    await asyncio.sleep(1)|async and await", "async with lock:|async and await",
            "def f(x) -> int:|return type hints", "def f(x: int):|parameter type hints", "def f(self, y: str = ''):|parameter type hints",
            "count: int = 0|variable type hints", "    self.name: str = name|variable type hints", "names: List[str]|variable type hints",
            "    nonlocal total|nonlocal", "    yield from items()|yield from", "if (n := len(a)) > 10:|walrus"})
    void namesPython3SyntaxAndSaysHotloadRunsPython27(String line, String what) {
        assertThat(Python3Syntax.hint(line)).hasValueSatisfying(hint ->
                assertThat(hint).startsWith("hotload runs Python 2.7 (Jython): ").contains(what));
    }

    @ParameterizedTest
    @ValueSource(strings = {"y = x +* 2", "print 'hello'", "print('a', 'b')", "x == (a == b)", "else: x = 1",
            "d = {'a': 1}", "lambda x: x", "half = 'elf'", "s = 'f'", "print('end=')", "x = 1  # f'{x}' in a comment",
            "if x == 1:", "try:", "class A(object):", "def f(a, b=2):", "async = 1", "with open(f) as g:"})
    void saysNothingOfValidOrPython2Lines(String line) {
        assertThat(Python3Syntax.hint(line)).isEmpty();
    }
}
