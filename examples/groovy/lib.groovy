// bin/hotload examples/groovy/lib.groovy, then change x = 3 to x = 4 and save: Result: 25 becomes Result: 32.
def x = 3
def y = 4
println "Result: ${x * x + y * y}"
