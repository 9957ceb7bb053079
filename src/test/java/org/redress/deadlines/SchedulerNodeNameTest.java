package org.redress.deadlines;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 27, item 5: every node has its own name in db-scheduler's table, even two on one host. */
class SchedulerNodeNameTest {

    @Test
    void twoNodesOnOneHostGetDifferentNamesBothStartingWithTheHostName() throws Exception {
        String host = java.net.InetAddress.getLocalHost().getHostName();
        String first = new SchedulerNodeName("").name();
        String second = new SchedulerNodeName("").name();

        assertThat(first).isNotEqualTo(second).startsWith(host + "-").matches(".*-[0-9a-f]{8}");
        assertThat(second).startsWith(host + "-");
        assertThat(new SchedulerNodeName("").schedulerName().orElseThrow().getName()).isNotEqualTo(first);
    }

    @Test
    void aConfiguredNodeNameIsTheSuffix() throws Exception {
        String host = java.net.InetAddress.getLocalHost().getHostName();
        assertThat(new SchedulerNodeName(" blue ").name()).isEqualTo(host + "-blue");
        assertThat(new SchedulerNodeName("green").schedulerName().orElseThrow().getName()).isEqualTo(host + "-green");
    }
}
