package org.redress;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

@SpringBootApplication
public class RedressApplication {
    public static void main(String[] args) {
        SpringApplication.run(RedressApplication.class, args);
    }

    /** The one source of "now": domain code is given instants; tests replace this clock to move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
