// bin/hotload examples/groovy/live/counter.groovy
// The script runs on, and so does its counter. Edit next() in Counter.groovy and save: the running counter
// answers with the new method at once, and goes on counting. Add a field to Counter and save: the JVM cannot
// redefine that, so hotload runs the script again (the count starts over) and says why.
def counter = new Counter()
while (true) {
    println counter.next()
    Thread.sleep(1000)
}
