package com.acme.app;

import com.acme.core.Greeting;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

public class App {

    public static void main(String[] args) throws IOException {
        System.out.println(Greeting.of(List.of("Ada", "Grace")));
        try (InputStream motto = App.class.getResourceAsStream("/motto.txt")) {
            System.out.println("Motto: " + new String(motto.readAllBytes(), StandardCharsets.UTF_8).strip());
        }
    }
}
