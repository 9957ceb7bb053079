package org.redress.access;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Every list a member of staff can read in one organisation, found in Spring's handler mapping so that a new list is
 * walked without changing a test: the GET API endpoints and staff pages whose only path variables are the
 * organisation and, for the parts of one case, that case (and a choice of fixed words, such as
 * {@code {page:dashboard|returns}}). A {@link Reader} reads each as a member would and answers with the text a person
 * could read in it: pages and JSON as they are, the text of a PDF, the cells of a spreadsheet, every file of a zip.
 */
final class ListWalk {

    private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::([^}]*))?}");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private ListWalk() {
    }

    /** The lists of the organisation, and the parts of this case, with concrete addresses. */
    static List<Endpoints.Endpoint> lists(RequestMappingHandlerMapping mapping, String organisation, String caseReference) {
        return Endpoints.of(mapping, organisation, caseReference).stream()
                .filter(e -> e.method().equals("GET") && listOrPartOfACase(e.pattern()))
                .toList();
    }

    /** Whether a path's variables are the organisation's, perhaps a case's, and fixed words only. */
    static boolean listOrPartOfACase(String pattern) {
        Matcher m = VARIABLE.matcher(pattern);
        boolean organisation = false;
        while (m.find()) {
            String name = m.group(1).toLowerCase();
            if (name.startsWith("org")) {
                organisation = true;
            } else if (!name.equals("case") && !name.contains("reference")
                    && (m.group(2) == null || !m.group(2).matches("[a-z-]+(\\|[a-z-]+)*"))) {
                return false;
            }
        }
        return organisation;
    }

    /** What a read answered: its status and the text in it. */
    record Read(int status, String contentType, String text) {
    }

    /** One member of staff, signed in on the pages (a session) and on the API (HTTP Basic). */
    static final class Reader {

        private final String base;
        private final String basic;
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

        Reader(int port, String username, String password) {
            this.base = "http://localhost:" + port;
            this.basic = "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
            Matcher token = CSRF.matcher(new String(send(HttpRequest.newBuilder(URI.create(base + "/sign-in")).GET()).body(),
                    StandardCharsets.UTF_8));
            if (!token.find()) {
                throw new IllegalStateException("no CSRF token on the sign-in page");
            }
            String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            HttpResponse<byte[]> signedIn = send(HttpRequest.newBuilder(URI.create(base + "/sign-in"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
            String location = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException(username + " could not sign in: " + signedIn.statusCode() + " " + location);
            }
        }

        Read read(Endpoints.Endpoint endpoint) {
            return read(endpoint.path());
        }

        /** A GET of an API path (with HTTP Basic) or a page (with the session). */
        Read read(String path) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET().timeout(Duration.ofSeconds(60));
            if (path.startsWith("/api/")) {
                request.header("Authorization", basic).header("Accept", "*/*");
            } else {
                request.header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
            }
            HttpResponse<byte[]> response = send(request);
            String type = response.headers().firstValue("Content-Type").orElse("");
            return new Read(response.statusCode(), type, text(path, type, response.body()));
        }

        private HttpResponse<byte[]> send(HttpRequest.Builder request) {
            try {
                return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** The words a person could read in a file of this name or type. */
    static String text(String name, String contentType, byte[] body) {
        try {
            if (contentType.contains("pdf") || name.endsWith(".pdf")) {
                try (PDDocument document = Loader.loadPDF(body)) {
                    return new PDFTextStripper().getText(document);
                }
            }
            if (contentType.contains("spreadsheetml") || name.endsWith(".xlsx")) {
                StringBuilder cells = new StringBuilder();
                DataFormatter format = new DataFormatter();
                try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(body))) {
                    for (Sheet sheet : workbook) {
                        for (Row row : sheet) {
                            for (Cell cell : row) {
                                cells.append(format.formatCellValue(cell)).append('\t');
                            }
                            cells.append('\n');
                        }
                    }
                }
                return cells.toString();
            }
            if (contentType.contains("zip") || name.endsWith(".zip")) {
                StringBuilder files = new StringBuilder();
                try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(body))) {
                    for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                        files.append(entry.getName()).append('\n').append(text(entry.getName(), "", zip.readAllBytes())).append('\n');
                    }
                }
                return files.toString();
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable " + contentType + " from " + name, e);
        }
        return new String(body, StandardCharsets.UTF_8);
    }
}
