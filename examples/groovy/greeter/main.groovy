// bin/hotload examples/groovy/greeter/main.groovy -- you
// Edit Greeter.groovy and save: it is recompiled, and so is this script, which uses it; nothing else is.
def who = args ? args[0] : 'world'
println new Greeter(greeting: 'Hello').greet(who)
