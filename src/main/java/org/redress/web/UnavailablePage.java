package org.redress.web;

import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * The page a browser is shown with a 503 (issue 27): plain English, no JSON, nothing that needs the database (no
 * template, no session, no organisation's branding), so it can always be shown. {@link ServiceUnavailableFilter} sets
 * the status and {@code Retry-After}.
 */
final class UnavailablePage {

    private UnavailablePage() {
    }

    static void write(HttpServletResponse response, boolean busy) throws IOException {
        String heading = busy ? "Sorry, the service is very busy" : "Sorry, the service is not available just now";
        String why = busy ? "Too many people are using it at the moment, so we could not deal with your request."
                : "We cannot reach our records at the moment, so we could not show this page or save anything you sent.";
        response.setContentType("text/html");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write("""
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                </head>
                <body>
                <main>
                <h1>%s</h1>
                <p>%s</p>
                <p>Please try again in a few minutes. If you were sending a form, go back to it and send it again.</p>
                </main>
                </body>
                </html>
                """.formatted(heading, heading, why));
    }
}
