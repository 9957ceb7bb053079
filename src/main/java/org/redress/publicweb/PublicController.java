package org.redress.publicweb;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;
import org.redress.casework.CaseRefusedException;
import org.redress.equality.EqualityMonitoring;
import org.redress.web.FieldError;
import org.redress.web.InvalidInputException;
import org.redress.web.TextLimits;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The public complaint form and the complainant's view. No account needed; the session remembers a verified code. */
@Controller
class PublicController {

    /** The session attribute holding "organisation|reference" once a code was verified. */
    static final String ACCESS = "redress.complainant";

    private final PublicCases cases;
    private final RateLimiter limiter;
    private final EqualityMonitoring equality;
    private final CodeHelp codeHelp;

    PublicController(PublicCases cases, RateLimiter limiter, EqualityMonitoring equality, CodeHelp codeHelp) {
        this.codeHelp = codeHelp;
        this.cases = cases;
        this.limiter = limiter;
        this.equality = equality;
    }

    @GetMapping("/o/{organisation}")
    String start(@PathVariable String organisation) {
        cases.organisation(organisation);
        return "redirect:/o/" + organisation + "/complain";
    }

    @GetMapping("/o/{organisation}/complain")
    String form(@PathVariable String organisation, Model model) {
        cases.organisation(organisation);
        model.addAttribute("form", ComplaintForm.blank(UUID.randomUUID().toString()));
        return "public/complain";
    }

    @PostMapping("/o/{organisation}/complain")
    String submit(@PathVariable String organisation, ComplaintForm form,
                  @RequestParam(name = "attachments", required = false) @Nullable List<MultipartFile> files, Model model,
                  HttpServletRequest request, HttpServletResponse response) throws IOException {
        // only complaints accepted count towards the limit, and one refused for it keeps what was typed (issue 21)
        if (!limiter.hasRoom(RateLimiter.Kind.COMPLAINT, request.getRemoteAddr())) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(RateLimiter.Kind.COMPLAINT.window.toSeconds()));
            model.addAttribute("form", form);
            model.addAttribute("errors", List.of(new FieldError("whatHappened", "We have received "
                    + RateLimiter.Kind.COMPLAINT.limit + " complaints from your connection in the last 10 minutes. What you typed is "
                    + "kept below: wait a few minutes and send it again, or contact us by phone or letter.")));
            return "public/complain";
        }
        List<AttachmentCheck.Upload> uploads = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            // a browser sends an empty part when no file was chosen
            if (!file.isEmpty() || (file.getOriginalFilename() != null && !file.getOriginalFilename().isBlank())) {
                uploads.add(new AttachmentCheck.Upload(file.getOriginalFilename() == null ? "" : file.getOriginalFilename(), file.getBytes()));
            }
        }
        PublicCases.Submitted submitted = cases.submit(organisation, form, uploads);
        if (!submitted.errors().isEmpty()) {
            response.setStatus(400);
            model.addAttribute("form", form);
            model.addAttribute("errors", submitted.errors());
            return "public/complain";
        }
        limiter.count(RateLimiter.Kind.COMPLAINT, request.getRemoteAddr());
        model.addAttribute("submitted", submitted);
        // H-3: a one-use link to the optional equality questions, which keep nothing that links them to this complaint
        model.addAttribute("equalityToken", equality.invite(organisation, null));
        return "public/submitted";
    }

    @GetMapping("/o/{organisation}/track")
    String track(@PathVariable String organisation) {
        cases.organisation(organisation);
        return "public/track";
    }

    @PostMapping("/o/{organisation}/track")
    String requestCode(@PathVariable String organisation, @RequestParam(required = false) @Nullable String reference, Model model,
                       HttpServletRequest request, HttpServletResponse response) {
        cases.organisation(organisation);
        if (reference == null || reference.isBlank() || reference.length() > TextLimits.NAME) {
            response.setStatus(400);
            model.addAttribute("errors", List.of(new FieldError("reference", reference == null || reference.isBlank()
                    ? "Enter your reference, for example TT-2026-000123" : "Reference " + TextLimits.tooLong(TextLimits.NAME))));
            return "public/track";
        }
        if (!limiter.allow(RateLimiter.Kind.CODE_REQUEST, request.getRemoteAddr())) {
            return tooMany(response);
        }
        model.addAttribute("reference", PublicCases.normalise(reference));
        cases.issueCode(organisation, reference);
        return codePage(organisation, model);
    }

    /** The page for the code, saying how to get one when none can be sent. */
    private String codePage(String organisation, Model model) {
        model.addAttribute("help", codeHelp.of(organisation));
        return "public/code";
    }

    @PostMapping("/o/{organisation}/track/code")
    String checkCode(@PathVariable String organisation, @RequestParam(required = false) @Nullable String reference,
                     @RequestParam(required = false) @Nullable String code, Model model, HttpServletRequest request,
                     HttpServletResponse response, HttpSession session) {
        cases.organisation(organisation);
        if (!limiter.allow(RateLimiter.Kind.CODE_CHECK, request.getRemoteAddr())) {
            return tooMany(response);
        }
        if (reference != null && reference.length() > TextLimits.NAME || code != null && code.length() > TextLimits.NAME) {
            response.setStatus(400);
            model.addAttribute("errors", List.of(new FieldError(code != null && code.length() > TextLimits.NAME ? "code" : "reference",
                    "The reference and code must each be " + TextLimits.NAME + " characters or fewer")));
            return codePage(organisation, model);
        }
        String ref = PublicCases.normalise(reference);
        if (code == null || !code.strip().matches("\\d{6}") || !cases.checkCode(organisation, ref, code)) {
            model.addAttribute("reference", ref);
            model.addAttribute("errors", List.of(new FieldError("code",
                    "The code is not right or has expired. Check it, or ask for a new code")));
            return codePage(organisation, model);
        }
        request.changeSessionId();
        session.setAttribute(ACCESS, organisation + "|" + ref);
        return "redirect:/o/" + organisation + "/track/case";
    }

    @GetMapping("/o/{organisation}/track/case")
    String view(@PathVariable String organisation, HttpSession session, Model model) {
        String reference = access(organisation, session);
        if (reference == null) {
            return "redirect:/o/" + organisation + "/track";
        }
        model.addAttribute("view", cases.view(organisation, reference));
        return "public/case";
    }

    @PostMapping("/o/{organisation}/track/case/information")
    String addInformation(@PathVariable String organisation, @RequestParam(required = false) @Nullable String information,
                          HttpSession session, Model model, RedirectAttributes redirect, HttpServletResponse response) {
        String reference = access(organisation, session);
        if (reference == null) {
            return "redirect:/o/" + organisation + "/track";
        }
        try {
            cases.addInformation(organisation, reference, information);
            redirect.addFlashAttribute("done", "Thank you. We have added your information to your case");
            return "redirect:/o/" + organisation + "/track/case";
        } catch (InvalidInputException e) {
            return again(organisation, reference, 400, e.errors(), model, response);
        } catch (CaseRefusedException e) {
            return again(organisation, reference, 422, List.of(new FieldError("information", e.refusal().message())), model, response);
        }
    }

    @PostMapping("/o/{organisation}/track/case/escalate")
    String escalate(@PathVariable String organisation, @RequestParam(required = false) @Nullable String unresolved,
                    @RequestParam(required = false) @Nullable String outcomeWanted, HttpSession session, Model model,
                    RedirectAttributes redirect, HttpServletResponse response) {
        String reference = access(organisation, session);
        if (reference == null) {
            return "redirect:/o/" + organisation + "/track";
        }
        try {
            cases.escalate(organisation, reference, unresolved, outcomeWanted);
            redirect.addFlashAttribute("done", "We have received your request to take your complaint to the next stage");
            return "redirect:/o/" + organisation + "/track/case";
        } catch (InvalidInputException e) {
            return again(organisation, reference, 400, e.errors(), model, response);
        } catch (CaseRefusedException e) {
            return again(organisation, reference, 422, List.of(new FieldError("unresolved", "We cannot take this to the next stage: "
                    + e.refusal().message())), model, response);
        }
    }

    @PostMapping("/o/{organisation}/track/sign-out")
    String signOut(@PathVariable String organisation, HttpSession session) {
        session.removeAttribute(ACCESS);
        return "redirect:/o/" + organisation + "/track";
    }

    private String again(String organisation, String reference, int status, List<FieldError> errors, Model model,
                         HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("view", cases.view(organisation, reference));
        model.addAttribute("errors", errors);
        return "public/case";
    }

    private static @Nullable String access(String organisation, HttpSession session) {
        Object granted = session.getAttribute(ACCESS);
        if (granted instanceof String s && s.startsWith(organisation + "|")) {
            return s.substring(organisation.length() + 1);
        }
        return null;
    }

    private static String tooMany(HttpServletResponse response) {
        response.setStatus(429);
        return "public/too-many";
    }
}
