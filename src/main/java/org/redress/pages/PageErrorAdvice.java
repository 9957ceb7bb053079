package org.redress.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.redress.web.NotFoundException;
import org.redress.web.PdfBusyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.ModelAndView;

import java.util.Map;

/**
 * On pages, something that does not exist is the plain "page not found", never a stack trace; a PDF that cannot be
 * made now says so and when to try again (503).
 */
@ControllerAdvice(basePackages = {"org.redress.staffui", "org.redress.publicweb"}, assignableTypes = StaffPage.class)
class PageErrorAdvice {

    @ExceptionHandler(NotFoundException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    ModelAndView notFound() {
        return new ModelAndView("error", Map.of("status", 404), HttpStatus.NOT_FOUND);
    }

    @ExceptionHandler(PdfBusyException.class)
    ModelAndView pdfBusy(PdfBusyException e, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()));
        return new ModelAndView("error", Map.of("status", 503, "message", e.getMessage()), HttpStatus.SERVICE_UNAVAILABLE);
    }
}
