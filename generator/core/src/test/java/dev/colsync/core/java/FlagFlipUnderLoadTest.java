package dev.colsync.core.java;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.core.output.Generator;
import dev.colsync.core.plan.Phase;
import dev.colsync.core.plan.PhasePlan;
import dev.colsync.core.plan.Plan;
import dev.colsync.core.plan.Step;
import dev.colsync.runtime.flag.JdbcFlagSource;
import dev.colsync.runtime.flag.JdbcFlagStore;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.shim.ReadPathCounts;
import dev.colsync.runtime.shim.ReadPathObserver;
import dev.colsync.runtime.shim.ShadowOutcome;
import dev.colsync.runtime.shim.ShimOptions;
import dev.colsync.runtime.sql.ScriptRunner;
import dev.colsync.testing.PostgresServer;
import dev.colsync.testing.PostgresServers;
import dev.colsync.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The read-path flag in the database goes OLD → SHADOW → NEW while writers update their own rows and
 * readers read every row through one generated shim: no statement fails, every read returns a value
 * that was committed no earlier than the last write finished before it began, the strict shim never
 * sees anything but MATCH, each thread sees the path only move forward, and no read that begins
 * later than the staleness bound after a flip still takes the old path.
 */
class FlagFlipUnderLoadTest {
  // Generous so that a machine busy with other builds still reloads within it; the bound itself is what is checked.
  private static final Duration STALENESS = Duration.ofMillis(2000);
  private static final int ROWS = 40;
  private static final int WRITERS = 4;
  private static final int READERS = 3;

  static Stream<Arguments> renameAndTypeChangeOnEveryServer() {
    return PostgresServers.all().stream()
        .flatMap(server -> ShimCase.renameAndTypeChange().stream().map(shimCase -> Arguments.of(server, shimCase)));
  }

  @ParameterizedTest(name = "{1} on {0}")
  @MethodSource("renameAndTypeChangeOnEveryServer")
  void flippingUnderLoadBreaksNothing(PostgresServer server, ShimCase shimCase) throws Exception {
    String migration = shimCase.migration();
    Plan plan = new Generator().plan(shimCase.spec());
    ShimHandle.Factory shims = ShimHandle.compile(shimCase.spec());

    try (TestDatabase database = server.newDatabase(); Connection admin = database.connect()) {
      for (String ddl : shimCase.createTable()) {
        execute(admin, ddl);
      }
      JdbcFlagStore.write(admin, migration, ReadPath.OLD);
      for (PhasePlan phase : plan.phases()) {
        if (phase.phase() == Phase.SWITCH) {
          break; // expand, backfill and validate are done: the flag may move
        }
        for (Step step : phase.steps()) {
          ScriptRunner.run(admin, step.sql());
        }
      }

      PathClock clock = new PathClock();
      ReadPathCounts counts = new ReadPathCounts();
      try (JdbcFlagSource flags = JdbcFlagSource.builder(database::connect).maxStaleness(STALENESS).build()) {
        ShimHandle shim = shims.create(ShimOptions.of(flags)
            .observedBy(ReadPathObserver.both(counts, clock))
            .failingOn(ShadowOutcome.MISSING, ShadowOutcome.MISMATCH, ShadowOutcome.ERROR));
        Rows rows = new Rows(shimCase);
        try (Connection setup = database.connect()) {
          for (int row = 0; row < ROWS; row++) {
            shim.insert(setup, shimCase.key().of(row), rows.next(row));
            rows.committed(row);
          }
        }

        AtomicBoolean stop = new AtomicBoolean();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          int writer = w;
          threads.add(worker(database, stop, failures, connection -> {
            int row = writer + WRITERS * ThreadLocalRandom.current().nextInt(ROWS / WRITERS);
            Object value = rows.next(row);
            assertThat(shim.update(connection, shimCase.key().of(row), value)).isTrue();
            rows.committed(row);
            assertThat(shim.find(connection, shimCase.key().of(row))).as("own write of row %d", row)
                .isEqualTo(Optional.of(value));
          }));
        }
        for (int r = 0; r < READERS; r++) {
          threads.add(worker(database, stop, failures, connection -> {
            int row = ThreadLocalRandom.current().nextInt(ROWS);
            int committedBefore = rows.committedVersion(row);
            Object read = shim.find(connection, shimCase.key().of(row)).orElseThrow();
            int startedAfter = rows.startedVersion(row);
            assertThat(rows.versionOf(row, read, committedBefore, startedAfter)).as("row %d read %s", row, read)
                .isBetween(committedBefore, startedAfter);
          }));
        }
        threads.forEach(Thread::start);

        Thread.sleep(300);
        for (ReadPath next : new ReadPath[] {ReadPath.SHADOW, ReadPath.NEW}) {
          JdbcFlagStore.write(admin, migration, next);
          clock.expectFrom(next, System.nanoTime() + STALENESS.toNanos());
          Thread.sleep(STALENESS.toMillis() * 2);
        }
        stop.set(true);
        for (Thread thread : threads) {
          thread.join(10_000);
        }

        assertThat(failures).as("failures of readers and writers").isEmpty();
        assertThat(clock.violations()).as("reads that took a path older than the bound allows").isEmpty();
        assertThat(clock.firstSeenAfterFlip(ReadPath.SHADOW)).isPositive().isLessThanOrEqualTo(STALENESS.toNanos());
        assertThat(clock.firstSeenAfterFlip(ReadPath.NEW)).isPositive().isLessThanOrEqualTo(STALENESS.toNanos());
        for (ReadPath path : ReadPath.values()) {
          assertThat(counts.reads(migration, path)).as("reads on %s", path).isGreaterThan(50);
        }
        assertThat(counts.shadows(migration, ShadowOutcome.MATCH)).isEqualTo(counts.reads(migration, ReadPath.SHADOW));
      }
    }
  }

  private interface Work {
    void run(Connection connection) throws Exception;
  }

  private static Thread worker(TestDatabase database, AtomicBoolean stop, ConcurrentLinkedQueue<Throwable> failures,
      Work work) {
    return new Thread(() -> {
      try (Connection connection = database.connect()) {
        while (!stop.get()) {
          work.run(connection);
        }
      } catch (Throwable e) {
        failures.add(e);
      }
    });
  }

  /**
   * Versions of each row: the value of version {@code v} of row {@code r} is the case's value
   * {@code (r, v)}; a writer starts version {@code v} before it writes and commits it after.
   */
  private static final class Rows {
    private final ShimCase shimCase;
    private final AtomicLongArray started = new AtomicLongArray(ROWS);
    private final AtomicLongArray committed = new AtomicLongArray(ROWS);

    Rows(ShimCase shimCase) {
      this.shimCase = shimCase;
    }

    Object next(int row) {
      return shimCase.value().of(row, (int) started.incrementAndGet(row));
    }

    void committed(int row) {
      committed.set(row, started.get(row)); // each row has one writer
    }

    int committedVersion(int row) {
      return (int) committed.get(row);
    }

    int startedVersion(int row) {
      return (int) started.get(row);
    }

    /** The version whose value {@code read} is, searched from {@code from} to {@code to}; -1 when none is. */
    int versionOf(int row, Object read, int from, int to) {
      for (int version = from; version <= to; version++) {
        if (shimCase.value().of(row, version).equals(read)) {
          return version;
        }
      }
      return -1;
    }
  }

  /**
   * Watches every read's path: records, per path, how long after its flip it was first seen, each
   * thread's path moving backwards, and any read that took an older path once the bound had passed.
   */
  private static final class PathClock implements ReadPathObserver {
    /** Slack for the moment between evaluating the flag and telling the observer. */
    private static final long SLACK_NANOS = Duration.ofMillis(5).toNanos();
    private final long[] flippedAt = new long[ReadPath.values().length];
    /** From when on a read must take at least each path; 0 while it has not been flipped to. */
    private final long[] deadline = new long[ReadPath.values().length];
    private final long[] firstSeen = new long[ReadPath.values().length];
    private final ThreadLocal<ReadPath> lastSeen = ThreadLocal.withInitial(() -> ReadPath.OLD);
    private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();

    synchronized void expectFrom(ReadPath path, long deadlineNanos) {
      flippedAt[path.ordinal()] = deadlineNanos - STALENESS.toNanos();
      deadline[path.ordinal()] = deadlineNanos;
    }

    @Override
    public void onRead(String migration, ReadPath path) {
      long now = System.nanoTime();
      ReadPath last = lastSeen.get();
      if (path.ordinal() < last.ordinal()) {
        violations.add(Thread.currentThread().getName() + " went back from " + last + " to " + path);
      }
      lastSeen.set(path);
      synchronized (this) {
        for (ReadPath later : ReadPath.values()) {
          long due = deadline[later.ordinal()];
          if (later.ordinal() > path.ordinal() && due != 0 && now - due > SLACK_NANOS) {
            violations.add("a read at +" + (now - flippedAt[later.ordinal()]) / 1_000_000 + " ms after the flip to "
                + later + " took " + path);
          }
        }
        if (firstSeen[path.ordinal()] == 0 && flippedAt[path.ordinal()] != 0) {
          firstSeen[path.ordinal()] = now;
        }
      }
    }

    synchronized long firstSeenAfterFlip(ReadPath path) {
      return firstSeen[path.ordinal()] - flippedAt[path.ordinal()];
    }

    List<String> violations() {
      return List.copyOf(violations);
    }
  }

  private static void execute(Connection connection, String sql) throws Exception {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
