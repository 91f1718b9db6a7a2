def square(x):
    return x * x


def teststuff():
    print("square(3) = {}".format(square(3)))


def teststuff2():
    print("square(4) = {}".format(square(4)))
