import calc

def evaluate(text):
    a, op, b = text.split()
    return calc.add(int(a), int(b))
