import unittest
import greeting

class GreetingTest(unittest.TestCase):
    def test_greets(self):
        self.assertEqual("Hello, you!", greeting.to("you"))
