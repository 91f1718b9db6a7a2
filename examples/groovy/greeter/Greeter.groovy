// A helper class beside the script: found by its name, compiled with the script, recompiled when it changes.
class Greeter {
    String greeting

    String greet(String who) {
        "$greeting, $who!"
    }
}
