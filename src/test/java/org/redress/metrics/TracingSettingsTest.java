package org.redress.metrics;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.micrometer.tracing.autoconfigure.MicrometerTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 24, item 3: OpenTelemetry tracing is off until an OTLP endpoint is set (then spans go to it, as many as the
 * sampling probability says), and a collector that is not there neither stops the application nor slows a request.
 * Spring Boot's own tracing configuration, with Redress's settings (application.yml).
 */
class TracingSettingsTest {

    private final ApplicationContextRunner tracing = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, OpenTelemetrySdkAutoConfiguration.class,
                    MicrometerTracingAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class))
            .withPropertyValues("spring.application.name=redress", "management.tracing.sampling.probability=0.0");

    @Test
    void withoutAnEndpointNoSpanIsExportedAndNoneIsSampled() {
        tracing.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(SpanExporter.class)).isEmpty();
            Tracer tracer = context.getBean(Tracer.class);
            Span span = tracer.nextSpan().name("a request").start();
            assertThat(span.context().sampled()).as("sampled").isNotEqualTo(Boolean.TRUE);
            span.end();
        });
    }

    @Test
    void anEndpointAndASamplingProbabilityTurnTracingOnAndAnAbsentCollectorBreaksNothing() {
        tracing.withPropertyValues("management.opentelemetry.tracing.export.otlp.endpoint=http://127.0.0.1:9/v1/traces",
                "management.opentelemetry.tracing.export.otlp.connect-timeout=200ms",
                "management.tracing.sampling.probability=1.0").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context.getBeansOfType(SpanExporter.class)).isNotEmpty();
            Tracer tracer = context.getBean(Tracer.class);
            long started = System.nanoTime();
            for (int i = 0; i < 100; i++) {
                Span span = tracer.nextSpan().name("a request").start();
                assertThat(span.context().sampled()).isTrue();
                span.end();
            }
            // spans are sent in the background, in batches: the requests never wait for the collector
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        });
    }
}
