package org.redress.deadlines;

import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.boot.config.DbSchedulerCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Each node's name in db-scheduler's table ({@code picked_by}): the host name and a suffix, {@code redress.node-name}
 * when set, otherwise random for each start. db-scheduler names a node by its host name alone, so two nodes on one host
 * (or in containers given the same host name) could not be told apart, nor a node's old executions from its new ones
 * after a restart (issue 27).
 */
@Component
class SchedulerNodeName implements DbSchedulerCustomizer {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String name;

    SchedulerNodeName(@Value("${redress.node-name:}") String configured) {
        byte[] random = new byte[4];
        RANDOM.nextBytes(random);
        String suffix = configured.isBlank() ? HexFormat.of().formatHex(random) : configured.strip();
        this.name = hostName() + "-" + suffix;
    }

    String name() {
        return name;
    }

    @Override
    public Optional<SchedulerName> schedulerName() {
        return Optional.of(new SchedulerName.Fixed(name));
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "redress";
        }
    }
}
