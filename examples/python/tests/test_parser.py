import unittest
import parser

class ParserTest(unittest.TestCase):
    def test_evaluates(self):
        self.assertEqual(5, parser.evaluate("2 + 3"))
