package org.redress.publicweb;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.BucketProxy;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.CustomColumnProvider;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * At most a number of public requests of one kind per address in each window, kept in the database as Bucket4j token
 * buckets ({@code publicweb.rate_limit}) so that a limit reached through one node holds on every other, and a restart
 * forgets nothing (issue 27). A bucket is the whole allowance at once, given back in full each window; a bucket whose
 * window has passed is full again, so it is removed ({@link #forgetExpired}). Time is the application's clock.
 */
@Component
class RateLimiter {

    enum Kind {
        COMPLAINT(5, Duration.ofMinutes(10)), CODE_REQUEST(5, Duration.ofMinutes(10)), CODE_CHECK(10, Duration.ofMinutes(10));

        final int limit;
        final Duration window;

        Kind(int limit, Duration window) {
            this.limit = limit;
            this.window = window;
        }

        BucketConfiguration bucket() {
            return BucketConfiguration.builder()
                    .addLimit(Bandwidth.builder().capacity(limit).refillIntervally(limit, window).build())
                    .build();
        }
    }

    private final ProxyManager<String> buckets;
    private final Map<Kind, BucketConfiguration> configurations = new EnumMap<>(Kind.class);
    private final JdbcClient jdbc;
    private final Clock clock;
    private final String prefix;

    RateLimiter(DataSource dataSource, JdbcClient jdbc, Clock clock, @Value("${redress.rate-limits.key-prefix:}") String prefix) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.prefix = prefix;
        for (Kind kind : Kind.values()) {
            configurations.put(kind, kind.bucket());
        }
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("publicweb.rate_limit")
                .clientClock(new ApplicationClock(clock))
                .addCustomColumn(new ExpiresWhenFull())
                .build();
    }

    private BucketProxy bucket(Kind kind, String address) {
        return buckets.getProxy(prefix + kind + "|" + address, () -> configurations.get(kind));
    }

    /** Counts one request; false when the address has used up its allowance for now. */
    boolean allow(Kind kind, String address) {
        return bucket(kind, address).tryConsume(1);
    }

    /** Whether the address has room for one more now, without counting it (see {@link #count}). */
    boolean hasRoom(Kind kind, String address) {
        return bucket(kind, address).estimateAbilityToConsume(1).canBeConsumed();
    }

    /** Counts one request that was accepted (even one that raced another past {@link #hasRoom}). */
    void count(Kind kind, String address) {
        bucket(kind, address).consumeIgnoringRateLimits(1);
    }

    /** Removes the buckets that are full again (a missing bucket is a full one); returns how many. */
    int forgetExpired() {
        return jdbc.sql("""
                delete from publicweb.rate_limit where id in
                  (select id from publicweb.rate_limit where expires_at < ? and starts_with(id, ?) for update skip locked)
                """).params(clock.millis(), prefix).update();
    }

    /** Forgets every count of this application's (tests that submit many forms from one address). */
    void reset() {
        jdbc.sql("delete from publicweb.rate_limit where starts_with(id, ?)").param(prefix).update();
    }

    /**
     * When a bucket is full again, on the application's clock: Bucket4j's own expiry column is written on the system clock
     * whatever the bucket's clock, so the two would disagree under a clock a test sets.
     */
    private static final class ExpiresWhenFull implements CustomColumnProvider<String> {
        private static final ExpirationAfterWriteStrategy UNTIL_FULL = ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO);

        @Override
        public void setCustomField(String key, int index, PreparedStatement statement, RemoteBucketState state, long nowNanos) throws SQLException {
            statement.setLong(index, TimeUnit.NANOSECONDS.toMillis(nowNanos) + UNTIL_FULL.calculateTimeToLiveMillis(state, nowNanos));
        }

        @Override
        public String getCustomFieldName() {
            return "expires_at";
        }
    }

    /** The application's clock as Bucket4j's, so the limits follow the time the rest of Redress sees. */
    private record ApplicationClock(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            return TimeUnit.MILLISECONDS.toNanos(clock.millis());
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
