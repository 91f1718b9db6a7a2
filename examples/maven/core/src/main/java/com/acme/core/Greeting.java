package com.acme.core;

import com.google.common.base.Joiner;
import java.util.List;

/** Greets a list of names: edit it while mvn hotload:run runs, and app's program runs again. */
public final class Greeting {

    private Greeting() {
    }

    public static String of(List<String> names) {
        return "Hello, " + Joiner.on(" and ").join(names) + "!";
    }
}
