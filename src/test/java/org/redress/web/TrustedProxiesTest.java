package org.redress.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustedProxiesTest {

    @Test
    void anAddressIsARangeOfOneAndARangeIsKept() {
        assertThat(TrustedProxies.ranges(List.of(" 10.0.0.5", "10.1.0.0/16 ", "::1", "fd00::/8", "")))
                .containsExactly("10.0.0.5/32", "10.1.0.0/16", "::1/128", "fd00::/8");
        assertThat(TrustedProxies.ranges(List.of())).isEmpty();
    }

    @Test
    void aNameOrANonsenseRangeStopsTheApplicationStartingWithTheSettingNamed() {
        for (String wrong : List.of("proxy.example", "10.0.0.0/40", "10.0.0", "cafe", "*")) {
            assertThatThrownBy(() -> TrustedProxies.ranges(List.of(wrong))).as(wrong).isInstanceOf(IllegalStateException.class)
                    .hasMessage("redress.trusted-proxies: '" + wrong + "' is not an IP address or CIDR range (for example 10.0.0.5 or 10.0.0.0/24)");
        }
    }
}
