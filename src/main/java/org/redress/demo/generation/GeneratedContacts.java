package org.redress.demo.generation;

import org.redress.casework.CaseTypes.NewCase;
import org.redress.casework.CaseTypes.Channel;
import org.redress.casework.CaseTypes.Classification;
import org.redress.casework.CaseTypes.Complainant;
import org.redress.casework.CaseTypes.ContactMethod;
import org.redress.casework.CaseTypes.Tenure;
import org.redress.policy.PolicyPack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** The people, places and subjects generated cases are made of, and the staff they are assigned to. */
final class GeneratedContacts {

    private GeneratedContacts() {
    }

    static final String[] STAFF = {"sam.manager", "fay.feedback", "raj.officer", "lee.caseworker", "kim.investigator",
            "jo.supervisor", "pat.services", "alex.housing"};
    private static final String[] FIRST = {"Ada", "Ben", "Cara", "Dev", "Ella", "Finn", "Gita", "Harry", "Isla", "Jack", "Kemi",
            "Liam", "Maya", "Noah", "Olu", "Priya", "Quinn", "Rosa", "Sam", "Tariq", "Una", "Vik", "Wendy", "Xander", "Yara",
            "Zoe", "Amir", "Bea", "Cal", "Dina", "Eli", "Faye", "Gus", "Hana", "Ivan", "Jade", "Kai", "Lena", "Milo", "Nia"};
    private static final String[] LAST = {"Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies",
            "Patel", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson",
            "Clarke", "Khan", "Lewis", "Hughes", "Edwards", "Hill", "Moore", "Harris", "Ali", "Cooper", "Ward", "Morris",
            "Okafor", "Begum", "Nowak", "Murphy", "Kelly", "Singh", "Campbell", "Reid"};
    private static final String[] STREETS = {"High Street", "Station Road", "Church Lane", "Park Avenue", "Mill Road",
            "Victoria Street", "Queens Road", "Elm Grove"};
    private static final String[] TOWNS = {"Taunton", "Bridgwater", "Bristol", "Exeter", "Yeovil", "Bath", "Swindon", "Gloucester"};
    private static final String[][] SUBJECTS = {
            {"Repairs", "Missed appointment", "The repair appointment was missed and nobody called to rearrange it"},
            {"Repairs", "Quality of work", "The work done was poor and had to be redone"},
            {"Communication", "No reply", "Several calls and emails went unanswered for weeks"},
            {"Staff conduct", "Attitude", "The member of staff was rude and dismissive on the phone"},
            {"Service delivery", "Late", "The service was late again this week without any warning"},
            {"Charges", "Incorrect charge", "The bill included a charge for a service that was never provided"},
            {"Anti-social behaviour", "Noise", "Neighbours' noise late at night has not been dealt with"},
            {"Damp and mould", "Mould", "Mould keeps coming back in the bedroom despite two visits"}};
    private static final Channel[] CHANNELS = {Channel.PHONE, Channel.PHONE, Channel.EMAIL, Channel.EMAIL, Channel.WEB_FORM,
            Channel.LETTER, Channel.VISIT, Channel.SOCIAL_MEDIA};

    /** A social landlord's complainant: mostly renting, some shared owners, a few neither, some not asked (TSM by tenure, R-2). */
    private static Tenure tenure(SplittableRandom random) {
        double r = random.nextDouble();
        return r < 0.76 ? Tenure.LOW_COST_RENTAL : r < 0.88 ? Tenure.LOW_COST_HOME_OWNERSHIP : r < 0.93 ? Tenure.OTHER : Tenure.UNKNOWN;
    }

    static NewCase newCase(CaseGenerator.Source source, String type, Instant received, SplittableRandom random) {
        PolicyPack pack = source.pack();
        String first = FIRST[random.nextInt(FIRST.length)];
        String last = LAST[random.nextInt(LAST.length)];
        int n = random.nextInt(1000);
        Complainant complainant = new Complainant(first + " " + last,
                random.nextDouble() < 0.8 ? (first + "." + last + "." + n + "@example.org").toLowerCase() : null,
                random.nextDouble() < 0.7 ? "07700 9" + "%05d".formatted(random.nextInt(100_000)) : null,
                (1 + random.nextInt(200)) + " " + STREETS[random.nextInt(STREETS.length)] + ", " + TOWNS[random.nextInt(TOWNS.length)],
                ContactMethod.values()[random.nextInt(ContactMethod.values().length)],
                random.nextDouble() < 0.1 ? "large print letters" : null, List.of(),
                pack.organisation().socialLandlord() ? tenure(random) : Tenure.UNKNOWN);
        String serviceLine = null;
        List<String> areas = source.organisation().serviceAreas();
        if (!pack.serviceLines().isEmpty()) {
            PolicyPack.ServiceLine line = pack.serviceLines().get(random.nextInt(pack.serviceLines().size()));
            serviceLine = line.id();
            if (!line.serviceAreas().isEmpty()) {
                areas = line.serviceAreas();
            }
        }
        String area = areas.isEmpty() ? null : areas.get(random.nextInt(areas.size()));
        String[] subject = SUBJECTS[random.nextInt(SUBJECTS.length)];
        List<String> points = new ArrayList<>();
        if (type.equals("complaint")) {
            int count = 1 + random.nextInt(3);
            for (int i = 1; i <= count; i++) {
                points.add(subject[1] + " (" + i + ")");
            }
        }
        return new NewCase(type, CHANNELS[random.nextInt(CHANNELS.length)], received, complainant, null, List.of(),
                new Classification(serviceLine, area, subject[0], subject[1]), subject[2], "Put it right", null, null,
                points, null);
    }
}
