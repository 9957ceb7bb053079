package org.redress.calendar;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The UK's bank holidays by rule (jollyday, observed dates), corrected by a small list of adjustments
 * shipped as data ({@code calendar/bank-holiday-adjustments.csv}): one-off days announced after the
 * rules were written, or rule days that GOV.UK does not list. Adding a line there is the update path.
 */
final class UkBankHolidays {

    static final String ADJUSTMENTS = "calendar/bank-holiday-adjustments.csv";

    /** GOV.UK's titles, so that explanations read as people see them on gov.uk/bank-holidays. */
    private static final Map<String, String> TITLES = Map.ofEntries(
            Map.entry("NEW_YEAR", "New Year’s Day"),
            Map.entry("2ND_JANUARY", "2nd January"),
            Map.entry("ST_PATRICK", "St Patrick’s Day"),
            Map.entry("christian.GOOD_FRIDAY", "Good Friday"),
            Map.entry("christian.EASTER_MONDAY", "Easter Monday"),
            Map.entry("EARLY_MAY_BANK_HOLIDAY", "Early May bank holiday"),
            Map.entry("SPRING_BANK_HOLIDAY", "Spring bank holiday"),
            Map.entry("BATTLE_BOYNE", "Battle of the Boyne (Orangemen’s Day)"),
            Map.entry("SUMMER_BANK_HOLIDAY", "Summer bank holiday"),
            Map.entry("ST_ANDREW", "St Andrew’s Day"),
            Map.entry("CHRISTMAS", "Christmas Day"),
            Map.entry("BOXING_DAY", "Boxing Day"),
            Map.entry("QUEENS_PLATINUM_JUBILEE", "Platinum Jubilee bank holiday"),
            Map.entry("QUEENS_STATE_FUNERAL", "Bank Holiday for the State Funeral of Queen Elizabeth II"),
            Map.entry("KINGS_CORONATION", "Bank holiday for the coronation of King Charles III"));

    private final HolidayManager manager = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
    private final List<Adjustment> adjustments;

    UkBankHolidays() {
        this.adjustments = readAdjustments();
    }

    /** The bank holidays by rule alone, before adjustments. */
    List<BankHoliday> byRule(Jurisdiction jurisdiction, int year) {
        List<BankHoliday> holidays = new ArrayList<>();
        for (Holiday holiday : manager.getHolidays(Year.of(year), jurisdiction.jollydayRegion())) {
            if (holiday.getDate().getYear() != year) {
                continue;
            }
            boolean substitute = !holiday.getDate().equals(holiday.getActualDate());
            String title = TITLES.getOrDefault(holiday.getPropertiesKey(), holiday.getDescription(java.util.Locale.UK));
            holidays.add(new BankHoliday(holiday.getDate(), title, substitute));
        }
        holidays.sort(Comparator.comparing(BankHoliday::date));
        return holidays;
    }

    /** The bank holidays observed in the year: the rules with the shipped adjustments applied. */
    List<BankHoliday> observed(Jurisdiction jurisdiction, int year) {
        List<BankHoliday> holidays = new ArrayList<>(byRule(jurisdiction, year));
        for (Adjustment adjustment : adjustments) {
            if (adjustment.jurisdiction() != jurisdiction || adjustment.date().getYear() != year) {
                continue;
            }
            holidays.removeIf(h -> h.date().equals(adjustment.date()));
            if (adjustment.add()) {
                holidays.add(new BankHoliday(adjustment.date(), adjustment.title(), false));
            }
        }
        holidays.sort(Comparator.comparing(BankHoliday::date));
        return holidays;
    }

    List<Adjustment> adjustments() {
        return adjustments;
    }

    record Adjustment(Jurisdiction jurisdiction, LocalDate date, boolean add, String title, String why) {
    }

    private static List<Adjustment> readAdjustments() {
        List<Adjustment> result = new ArrayList<>();
        try (InputStream in = UkBankHolidays.class.getClassLoader().getResourceAsStream(ADJUSTMENTS)) {
            if (in == null) {
                return result;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#") || line.startsWith("jurisdiction,")) {
                    continue;
                }
                String[] fields = line.split(",", 5);
                if (fields.length != 5) {
                    throw new IllegalStateException(ADJUSTMENTS + " line " + number + ": expected 5 fields");
                }
                Jurisdiction jurisdiction = Jurisdiction.fromSlug(fields[0].trim()).orElseThrow(() ->
                        new IllegalStateException(ADJUSTMENTS + ": unknown jurisdiction " + fields[0]));
                String change = fields[2].trim();
                if (!change.equals("add") && !change.equals("remove")) {
                    throw new IllegalStateException(ADJUSTMENTS + " line " + number + ": change must be add or remove");
                }
                result.add(new Adjustment(jurisdiction, LocalDate.parse(fields[1].trim()), change.equals("add"),
                        fields[3].trim(), fields[4].trim()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(result);
    }
}
