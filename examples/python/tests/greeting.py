def to(name):
    return "Hello, %s!" % name
