package org.redress.correspondence;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What Redress makes of phone numbers, addresses and Notify's receipt statuses for GOV.UK Notify (issue 24, A-2). */
class NotifyWordsTest {

    @Test
    void onlyAUkMobileNumberIsTextedWrittenTheWayNotifyTakesIt() {
        assertThat(NotifyDelivery.mobile("07700 900123")).contains("07700900123");
        assertThat(NotifyDelivery.mobile("+44 (0)7700 900123")).isEmpty();
        assertThat(NotifyDelivery.mobile("+44 7700 900123")).contains("07700900123");
        assertThat(NotifyDelivery.mobile("0044-7700-900123")).contains("07700900123");
        assertThat(NotifyDelivery.mobile("01632 960123")).isEmpty();
        assertThat(NotifyDelivery.mobile("0300 555 0100")).isEmpty();
        assertThat(NotifyDelivery.mobile(null)).isEqualTo(Optional.empty());
    }

    @Test
    void aPostalAddressBecomesAtMostSevenLinesEndingWithThePostcode() {
        assertThat(NotifyDelivery.addressLines("Pat Poster, 1 High Street\nAnytown, AN1 2BC")).isEqualTo(Map.of(
                "address_line_1", "Pat Poster", "address_line_2", "1 High Street", "address_line_3", "Anytown", "address_line_4", "AN1 2BC"));
        assertThat(NotifyDelivery.addressLines("A, B, C, D, E, F, G, H, AN1 2BC")).isEqualTo(Map.of(
                "address_line_1", "A", "address_line_2", "B", "address_line_3", "C", "address_line_4", "D", "address_line_5", "E",
                "address_line_6", "F, G, H", "address_line_7", "AN1 2BC"));
    }

    @Test
    void notifysReceiptStatusesSayDeliveredOrWhyNotAndTheRestChangeNothing() {
        assertThat(NotifyReceipts.outcome("delivered", "EMAIL")).isEqualTo(new NotifyReceipts.Outcome(true, null));
        assertThat(NotifyReceipts.outcome("received", "POST")).isEqualTo(new NotifyReceipts.Outcome(true, null));
        assertThat(NotifyReceipts.outcome("permanent-failure", "TEXT")).isEqualTo(new NotifyReceipts.Outcome(false,
                "GOV.UK Notify could not deliver it: the phone number does not exist or refused it (permanent failure)"));
        assertThat(NotifyReceipts.outcome("temporary-failure", "EMAIL")).isEqualTo(new NotifyReceipts.Outcome(false,
                "GOV.UK Notify could not deliver it for 72 hours: the inbox was full or not available (temporary failure)"));
        assertThat(NotifyReceipts.outcome("technical-failure", "EMAIL")).isEqualTo(new NotifyReceipts.Outcome(false,
                "GOV.UK Notify could not send it because of a technical problem (technical failure)"));
        assertThat(NotifyReceipts.outcome("sending", "EMAIL")).isNull();
        assertThat(NotifyReceipts.outcome("created", "TEXT")).isNull();
    }
}
