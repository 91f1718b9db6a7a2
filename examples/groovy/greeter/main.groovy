// bin/hotload examples/groovy/greeter/main.groovy -- you
// Edit Greeter.groovy and save: it is recompiled, and so is this script, which uses it; nothing else is.
// bin/hotload --entrypoint shout examples/groovy/greeter/main.groovy -- you: shout() is called after each run.
def who = args ? args[0] : 'world'
println new Greeter(greeting: 'Hello').greet(who)

def shout() {
    println new Greeter(greeting: 'HELLO').greet(args ? args[0] : 'world').toUpperCase()
}
