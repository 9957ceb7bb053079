package org.redress.accounts;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The record of every read of special category data (UK GDPR art. 9, DPA 2018 sch. 1): who read what on which case,
 * when, and why (the page or endpoint, and the reason they gave, if any). Any module that shows such data calls
 * {@link #recordRead}; administrators read the log. The table refuses changes and deletions.
 */
@Service
public class SpecialCategoryAudit {

    /** The request parameter a reader may use to say why they are looking ({@code ?reason=...}). */
    public static final String REASON_PARAMETER = "reason";
    private static final int MAX_TEXT = 500;

    private final JdbcClient jdbc;
    private final Clock clock;

    SpecialCategoryAudit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One read. */
    public record Read(long id, String organisation, String caseId, String username, String what, String why,
                       @Nullable String reason, Instant readAt) {
    }

    /**
     * Records that {@code username} was shown special category data of a case. {@code what} names the data
     * ("reasonable adjustments", "equality answers"); {@code why} the page or endpoint that showed it. The reason is
     * taken from the current request's {@code reason} parameter when there is one.
     */
    public void recordRead(String organisation, String caseId, @Nullable String serviceArea, String username, String what, String why) {
        recordRead(organisation, caseId, serviceArea, username, what, why, reasonOfCurrentRequest());
    }

    /**
     * As {@link #recordRead(String, String, String, String, String, String)}, with the reason given. It joins the caller's
     * transaction (a second connection per read could exhaust the pool under load), so call it outside a read-only one.
     */
    @Transactional
    public void recordRead(String organisation, String caseId, @Nullable String serviceArea, String username, String what, String why,
                           @Nullable String reason) {
        jdbc.sql("""
                insert into accounts.special_category_read (organisation, case_id, service_area, username, what, why, reason, read_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(organisation, caseId, serviceArea, username, clip(what), clip(why), reason == null || reason.isBlank() ? null : clip(reason.strip()),
                clock.instant().atOffset(ZoneOffset.UTC)).update();
    }

    /**
     * The organisation's reads, newest first; of one case (by id or reference, as it was recorded) when given. A reader
     * limited to some service areas gets only the reads of their areas' cases (the log keeps each case's area; accounts
     * is below casework, so it cannot ask casework's {@code CaseScope}, and applies the same limit itself).
     */
    public List<Read> reads(String organisation, CaseAccess.Scope reader, @Nullable String caseId, int limit) {
        return jdbc.sql("""
                select id, organisation, case_id, username, what, why, reason, read_at from accounts.special_category_read
                where organisation = :org and (cast(:case as text) is null or case_id = :case)
                  and (cast(:areas as text[]) is null or service_area = any(:areas))
                order by read_at desc, id desc limit :limit
                """).param("org", organisation).param("case", caseId)
                .param("areas", reader.serviceAreas() == null ? null : reader.serviceAreas().toArray(String[]::new))
                .param("limit", Math.max(1, Math.min(limit, 1000)))
                .query((rs, n) -> new Read(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class).toInstant()))
                .list();
    }

    /** "GET /staff/the-trust/cases/TT-2026-000001": the current request, for {@code why}. */
    public static String currentRequest() {
        HttpServletRequest request = request();
        return request == null ? "no request" : request.getMethod() + " " + request.getRequestURI();
    }

    private static @Nullable String reasonOfCurrentRequest() {
        HttpServletRequest request = request();
        return request == null ? null : request.getParameter(REASON_PARAMETER);
    }

    private static @Nullable HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes ? attributes.getRequest() : null;
    }

    private static String clip(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT);
    }
}
