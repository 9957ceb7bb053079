package org.redress.demo.generation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * {@code --redress.generate.cases=1000000} fills the database at start-up, then the application keeps serving.
 * A database that already has cases is left alone (restarting with the same flag is harmless) unless
 * {@code --redress.generate.into-non-empty=true} says to add to it.
 */
@Component
@ConditionalOnProperty("redress.generate.cases")
class CaseGeneration implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CaseGeneration.class);

    private final CaseGenerator generator;
    private final Environment environment;

    CaseGeneration(CaseGenerator generator, Environment environment) {
        this.generator = generator;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        CaseGenerator.Request request = new CaseGenerator.Request(
                environment.getRequiredProperty("redress.generate.cases", Integer.class),
                environment.getProperty("redress.generate.seed", Long.class, 1L),
                environment.getProperty("redress.generate.workers", Integer.class, 2),
                environment.getProperty("redress.generate.into-non-empty", Boolean.class, false));
        try {
            generator.generate(request);
        } catch (CaseGenerator.NotEmpty e) {
            log.warn("Cases not generated: {}", e.getMessage());
        }
    }
}
