package org.redress.web;

import com.openhtmltopdf.extend.FSTextBreaker;
import com.openhtmltopdf.layout.UrlAwareLineBreakIterator;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * Makes every PDF (letters, the Ombudsman information pack, the Board reports) on a few threads of its own, never on the
 * thread of the request that asked. Laying out a PDF takes a core for as long as it runs, and time that grows faster
 * than the text: two renders of a case with a 250 kB note took five minutes each and the health check stopped
 * answering (issue 19). So at most {@code redress.pdf.threads} PDFs are made at once (half the cores by default, so the
 * rest keep answering), at most {@code redress.pdf.waiting} more wait their turn, and each may take
 * {@code redress.pdf.time-limit} from when it was asked for, waiting included. Past that, or with the queue full, the
 * caller gets {@link PdfBusyException} (answered 503 with Retry-After) and a render that has started is stopped.
 * <p>
 * Every PDF is a Thymeleaf template under {@code templates/} (letters, the information pack, the Board reports), made
 * XHTML by the application's template engine, which escapes every value it writes, then laid out here.
 */
@Component
public class PdfRenderer implements DisposableBean {

    /** What a render does, stopping when told to; a seam so the pool can be tested without laying anything out. */
    @FunctionalInterface
    interface Drawing {
        byte[] draw(String xhtml, boolean charts, BooleanSupplier stopped);
    }

    private static final Logger log = LoggerFactory.getLogger(PdfRenderer.class);

    private final ThreadPoolExecutor pool;
    private final Duration timeLimit;
    private final Drawing drawing;
    private final @Nullable ITemplateEngine templates;
    /** Characters XML forbids (controls other than tab and line feed): the XHTML parser would refuse the whole document. */
    private static final Pattern NOT_XML = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F]");

    @Autowired
    PdfRenderer(@Value("${redress.pdf.threads:0}") int threads, @Value("${redress.pdf.waiting:4}") int waiting,
                @Value("${redress.pdf.time-limit:20s}") Duration timeLimit, ITemplateEngine templates) {
        this(threads, waiting, timeLimit, PdfRenderer::layOut, templates);
    }

    PdfRenderer(int threads, int waiting, Duration timeLimit, Drawing drawing) {
        this(threads, waiting, timeLimit, drawing, null);
    }

    private PdfRenderer(int threads, int waiting, Duration timeLimit, Drawing drawing, @Nullable ITemplateEngine templates) {
        this.templates = templates;
        int size = threads > 0 ? threads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        AtomicInteger number = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(size, size, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(Math.max(1, waiting)), task -> {
            Thread thread = new Thread(task, "pdf-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.AbortPolicy());
        this.timeLimit = timeLimit;
        this.drawing = drawing;
    }

    /** A renderer of one thread outside Spring (a test, a tool), with the default time limit and the templates on the class path. */
    public static PdfRenderer standalone() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return new PdfRenderer(1, 4, Duration.ofSeconds(20), PdfRenderer::layOut, engine);
    }

    /** The PDF of a template under {@code templates/} (e.g. {@code pdf/letter}) with the given variables. */
    public byte[] render(String template, Map<String, ?> variables) {
        return render(xhtml(template, variables));
    }

    /** The same, for a template with SVG charts in it. */
    public byte[] renderWithCharts(String template, Map<String, ?> variables) {
        return renderWithCharts(xhtml(template, variables));
    }

    /** A template made XHTML: every value escaped by the template engine, and no character XML forbids. */
    public String xhtml(String template, Map<String, ?> variables) {
        if (templates == null) {
            throw new IllegalStateException("this PDF renderer was made without templates");
        }
        Context context = new Context(Locale.UK);
        variables.forEach(context::setVariable);
        return NOT_XML.matcher(templates.process(template, context)).replaceAll("");
    }

    /** The PDF of an XHTML document; {@link PdfBusyException} when too many are being made or it takes too long. */
    public byte[] render(String xhtml) {
        return submit(xhtml, false);
    }

    /** The same, for a document with SVG charts in it. */
    public byte[] renderWithCharts(String xhtml) {
        return submit(xhtml, true);
    }

    /**
     * Makes one tiny PDF with a chart as soon as Redress is up: the first PDF of all loads the system's fonts, and the
     * first with a chart the SVG drawer, seconds of work that should not count against the first person's time limit
     * (the first annual report after a start took 1.3 s, the next ones 0.2 s; issue 28).
     */
    @EventListener(ApplicationReadyEvent.class)
    void loadFonts() {
        String chart = ChartSvg.bars("Loaded", java.util.List.of(new ChartSvg.Bar("Fonts", 1), new ChartSvg.Bar("Charts", 2)));
        try {
            pool.execute(() -> {
                try {
                    drawing.draw("<html><head><title>fonts</title></head><body><p>Fonts loaded.</p>" + chart + "</body></html>", true, () -> false);
                } catch (RuntimeException e) {
                    log.warn("PDF fonts not loaded at start: {}", e.toString());
                }
            });
        } catch (RejectedExecutionException busy) {
            // already making PDFs: the fonts load with them
        }
    }

    /** How long a caller should wait before asking again. */
    public Duration retryAfter() {
        return timeLimit;
    }

    private byte[] submit(String xhtml, boolean charts) {
        AtomicBoolean stop = new AtomicBoolean();
        Future<byte[]> job;
        try {
            job = pool.submit(() -> drawing.draw(xhtml, charts, stop::get));
        } catch (RejectedExecutionException full) {
            throw new PdfBusyException("Too many PDFs are being made just now. Try again in a minute.", retryAfter());
        }
        try {
            return job.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException tooLong) {
            stop.set(true);
            job.cancel(false);
            throw new PdfBusyException("The PDF could not be made within " + timeLimit.toSeconds() + " seconds, as others were being made "
                    + "or it is very long. Try again in a minute.", retryAfter());
        } catch (InterruptedException e) {
            stop.set(true);
            job.cancel(false);
            Thread.currentThread().interrupt();
            throw new PdfBusyException("The PDF was not made: the request was stopped.", retryAfter());
        } catch (CancellationException e) {
            throw new PdfBusyException("The PDF was not made: Redress is stopping.", retryAfter());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    static byte[] layOut(String xhtml, boolean charts, BooleanSupplier stopped) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useUnicodeLineBreaker(new StoppableLineBreaker(stopped));
            if (charts) {
                builder.useSVGDrawer(new BatikSVGDrawer());
            }
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }

    /**
     * The renderer's own line breaker, which it asks for every break opportunity while laying text out, that stops the
     * render once told to (the renderer has no way to be stopped): a render past its time limit frees its thread within
     * moments instead of running on. Not by interrupting the thread: PDFBox reads fonts through channels that an
     * interrupt closes, and it then goes on without those fonts.
     */
    private static final class StoppableLineBreaker implements FSTextBreaker {
        private final FSTextBreaker breaker = new UrlAwareLineBreakIterator(BreakIterator.getLineInstance(Locale.UK));
        private final BooleanSupplier stopped;

        StoppableLineBreaker(BooleanSupplier stopped) {
            this.stopped = stopped;
        }

        @Override
        public int next() {
            if (stopped.getAsBoolean()) {
                throw new CancellationException("PDF render stopped");
            }
            return breaker.next();
        }

        @Override
        public void setText(String text) {
            breaker.setText(text);
        }
    }
}
