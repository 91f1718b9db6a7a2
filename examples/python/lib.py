x = 3
y = 4
print("Result: {}".format(x*x + y*y))
