import unittest
from calc import add

class CalcTest(unittest.TestCase):
    def test_adds(self):
        self.assertEqual(5, add(2, 3))
