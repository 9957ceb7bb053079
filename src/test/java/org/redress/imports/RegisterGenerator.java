package org.redress.imports;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A realistic complaint register as an organisation would export it (issue 20's benchmark): dd/mm/yyyy dates over
 * six years, most cases closed at stage 1, about one in six escalated, the last weeks still open, Welsh names and the
 * odd emoji, blank names and channels, and about one row in a hundred with a problem (an acknowledgement before
 * receipt, an unknown service area, a repeated source id) as real registers have. The same seed gives the same file.
 */
final class RegisterGenerator {

    static final String HEADER = "Case ID,Date received,Channel,Type,Complainant,Email,Service area,Category,Details,"
            + "Date acknowledged,Stage 1 response,Stage 1 outcome,Escalated,Stage 2 response,Stage 2 outcome,Date closed,Handler,Tenure\n";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final List<String> AREAS = List.of("Repairs", "Neighbourhoods", "Rents and service charges", "Customer services");
    private static final List<String> SUBJECTS = List.of("Damp and mould", "Repairs not done", "Noise", "Anti-social behaviour",
            "Service charge", "Staff attitude", "Communication", "Heating");
    private static final List<String> NAMES = List.of("Siân Llewelyn", "Dafydd ap Gwilym", "Ffion Jones", "Ann Early", "Tom Smith",
            "Aled Rhys 🙂", "Priya Shah", "", "Gwenllian Morgan", "Sam O'Neill");
    private static final List<String> CHANNELS = List.of("Email", "Telephone", "Letter", "Web", "");
    private static final List<String> OUTCOMES = List.of("Upheld", "Partly upheld", "Not upheld");
    private static final List<String> HANDLERS = List.of("Sam Officer", "Priya Manager", "Jo Handler", "Ali Lead");
    private static final List<String> TENURES = List.of("Social rent", "Shared ownership", "Leasehold", "");

    private RegisterGenerator() {
    }

    /** The register's CSV: {@code rows} rows received over the six years before {@code now}. */
    static String csv(int rows, long seed, LocalDateTime now) {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder out = new StringBuilder(rows * 220).append(HEADER);
        long span = Duration.ofDays(6 * 365).toMinutes();
        for (int i = 1; i <= rows; i++) {
            LocalDateTime received = now.minusMinutes(60 + random.nextLong(span)).withSecond(0).withNano(0);
            int problem = random.nextInt(100);
            String id = problem == 0 && i > 1 ? "REG-" + (i - 1) : "REG-" + i;
            String area = problem == 1 ? "Lettings" : pick(AREAS, random);
            LocalDateTime ack = problem == 2 ? received.minusDays(2) : received.plusHours(2 + random.nextInt(60));
            LocalDateTime respond1 = ack.plusDays(3 + random.nextInt(8));
            boolean escalated = random.nextInt(6) == 0;
            LocalDateTime escalate = respond1.plusDays(1 + random.nextInt(10));
            LocalDateTime respond2 = escalate.plusDays(7 + random.nextInt(12));
            LocalDateTime closed = (escalated ? respond2 : respond1).plusDays(1 + random.nextInt(5));
            out.append(id).append(',').append(received.format(DAY)).append(',').append(pick(CHANNELS, random)).append(",Complaint,")
                    .append(pick(NAMES, random)).append(",,").append(area).append(',').append(pick(SUBJECTS, random))
                    .append(",\"As the register recorded it, row ").append(i).append("\",");
            append(out, ack, now).append(',');
            append(out, respond1, now).append(',').append(respond1.isBefore(now) ? pick(OUTCOMES, random) : "").append(',');
            if (escalated && escalate.isBefore(now)) {
                append(out, escalate, now).append(',');
                append(out, respond2, now).append(',').append(respond2.isBefore(now) ? pick(OUTCOMES, random) : "").append(',');
            } else {
                out.append(",,,");
                closed = respond1.plusDays(1 + random.nextInt(5));
            }
            boolean wholeLifeOver = closed.isBefore(now) && (!escalated || respond2.isBefore(now));
            if (wholeLifeOver) {
                append(out, closed, now);
            }
            out.append(',').append(pick(HANDLERS, random)).append(',').append(pick(TENURES, random)).append('\n');
        }
        return out.toString();
    }

    private static StringBuilder append(StringBuilder out, LocalDateTime at, LocalDateTime now) {
        return at.isBefore(now) ? out.append(at.format(DAY)) : out;
    }

    private static String pick(List<String> from, SplittableRandom random) {
        return from.get(random.nextInt(from.size()));
    }
}
