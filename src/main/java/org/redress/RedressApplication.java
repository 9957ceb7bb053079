package org.redress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RedressApplication {
    public static void main(String[] args) {
        SpringApplication.run(RedressApplication.class, args);
    }
}
