package org.redress.web;

import org.apache.catalina.util.NetMask;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.tomcat.TomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.util.ArrayList;
import java.util.List;

/**
 * Who the client is, decided in one place. A request's address, scheme, host and port are those of the connection,
 * unless the connection comes from a proxy listed in {@code redress.trusted-proxies} (addresses or CIDR ranges; none by
 * default). Then Tomcat's {@link RemoteIpValve} takes them from {@code X-Forwarded-For}, read from the right and
 * stopping at the first address that is not a listed proxy (so a client cannot put its own invention in front),
 * {@code X-Forwarded-Proto}, {@code -Host} and {@code -Port}. Everything else (rate limits per address, HSTS and Secure
 * cookies, the sign-in log) reads the servlet request and so believes exactly this. Spring Boot's own handling, which
 * believes any private-network address, is replaced: {@code server.forward-headers-strategy} is {@code none}, and any
 * valve it would add is taken out.
 */
@Configuration(proxyBeanMethods = false)
class TrustedProxies {

    @Bean
    WebServerFactoryCustomizer<TomcatWebServerFactory> forwardedHeadersOnlyFromTrustedProxies(
            @Value("${redress.trusted-proxies:}") List<String> proxies) {
        return new Customizer(ranges(proxies));
    }

    /** Each entry as a CIDR range; a bare address is a range of one. Anything else stops the application starting. */
    static List<String> ranges(List<String> proxies) {
        List<String> ranges = new ArrayList<>();
        for (String entry : proxies) {
            String proxy = entry.strip();
            if (proxy.isEmpty()) {
                continue;
            }
            // an address literal, never a name: a name would be looked up in DNS on every request
            String address = proxy.contains("/") ? proxy.substring(0, proxy.indexOf('/')) : proxy;
            boolean ipv4 = address.matches("(25[0-5]|2[0-4]\\d|1?\\d?\\d)(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
            boolean ipv6 = address.contains(":") && address.matches("[0-9A-Fa-f:.]+");
            if (!(ipv4 || ipv6) || !proxy.matches("[^/]+(/\\d{1,3})?")) {
                throw new IllegalStateException(notARange(proxy));
            }
            String range = proxy.contains("/") ? proxy : proxy + (proxy.contains(":") ? "/128" : "/32");
            try {
                new NetMask(range);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(notARange(proxy), e);
            }
            ranges.add(range);
        }
        return List.copyOf(ranges);
    }

    private static String notARange(String proxy) {
        return "redress.trusted-proxies: '" + proxy + "' is not an IP address or CIDR range (for example 10.0.0.5 or 10.0.0.0/24)";
    }

    /** Runs after Spring Boot's own Tomcat settings, so its valve (if any) is replaced rather than added to. */
    private record Customizer(List<String> ranges) implements WebServerFactoryCustomizer<TomcatWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatWebServerFactory factory) {
            List<org.apache.catalina.Valve> valves = new ArrayList<>(factory.getEngineValves());
            valves.removeIf(RemoteIpValve.class::isInstance);
            if (!ranges.isEmpty()) {
                RemoteIpValve valve = new RemoteIpValve();
                valve.setInternalProxies(String.join(",", ranges));
                valve.setTrustedProxies(null);
                valve.setRemoteIpHeader("X-Forwarded-For");
                valve.setProtocolHeader("X-Forwarded-Proto");
                valve.setProtocolHeaderHttpsValue("https");
                valve.setHostHeader("X-Forwarded-Host");
                valve.setPortHeader("X-Forwarded-Port");
                valves.add(valve);
            }
            factory.setEngineValves(valves);
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
