package dev.colsync.spring.boot;

import dev.colsync.core.execution.ExecutionPlans;
import dev.colsync.core.output.Generator;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.core.spec.SpecLoader;
import dev.colsync.runtime.execution.BackfillProgress;
import dev.colsync.runtime.execution.ExecutionListener;
import dev.colsync.runtime.execution.ExecutionPlan;
import dev.colsync.runtime.execution.ExecutionRefusedException;
import dev.colsync.runtime.execution.ExecutionSettings;
import dev.colsync.runtime.execution.LockRetryEvent;
import dev.colsync.runtime.execution.MigrationExecutor;
import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Runs, in the background once the application is ready (after its Flyway), the phases of each migration it knows
 * that come after expand and before the read-path switch and contract: the backfill, the index copies and
 * validation, with colsync's executor (throttled, resumable from its checkpoint, one run per migration across every
 * instance: a migration another instance is running is tried again later). Contract is never run here. Closing
 * the application stops a backfill after its current batch; the next start goes on from the checkpoint.
 */
public final class ColsyncRunner implements RunnerStandings, AutoCloseable {
  /** Where the Maven plugin puts each spec of the build, by migration. */
  public static final String SPECS = "META-INF/colsync/specs/";

  /**
   * The phases the runner leaves to people and to later releases; a catalog-only type change ({@code alter-type})
   * is DDL under ACCESS EXCLUSIVE that ships with expand's release.
   */
  private static final List<String> NOT_HERE = List.of("expand", "alter-type", "switch", "contract");

  private static final System.Logger LOG = System.getLogger(ColsyncRunner.class.getName());

  private final DataSource dataSource;
  private final ColsyncMigrations migrations;
  private final ClassLoader classLoader;
  private final Duration retryInterval;
  private final Map<String, Standing> standings = new ConcurrentHashMap<>();
  private final Map<String, MigrationExecutor> running = new ConcurrentHashMap<>();
  private final AtomicLong lockRetries = new AtomicLong();
  private final AtomicLong rowsChanged = new AtomicLong();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread thread;

  ColsyncRunner(DataSource dataSource, ColsyncMigrations migrations, ClassLoader classLoader,
      Duration retryInterval) {
    this.dataSource = dataSource;
    this.migrations = migrations;
    this.classLoader = classLoader;
    this.retryInterval = retryInterval;
    this.thread = new Thread(this::runUntilDoneOrClosed, "colsync-runner");
    this.thread.setDaemon(true);
  }

  /** Starts the background run; called once the application is ready. */
  void start() {
    thread.start();
  }

  @Override
  public Map<String, Standing> standings() {
    return Map.copyOf(standings);
  }

  @Override
  public long lockRetries() {
    return lockRetries.get();
  }

  @Override
  public long rowsChanged() {
    return rowsChanged.get();
  }

  @Override
  public void close() {
    closed.countDown();
    running.values().forEach(MigrationExecutor::requestStop);
    try {
      thread.join(TimeUnit.SECONDS.toMillis(30));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void runUntilDoneOrClosed() {
    while (closed.getCount() > 0) {
      boolean waiting = false;
      for (String migration : migrations.names()) {
        Standing standing = standings.get(migration);
        if (standing != null && standing.state() != State.WAITING) {
          continue;
        }
        Optional<MigrationSpec> spec = spec(migration);
        if (spec.isEmpty()) {
          continue;
        }
        waiting |= run(migration, spec.get()) == State.WAITING;
        if (closed.getCount() == 0) {
          return;
        }
      }
      try {
        if (!waiting || closed.await(retryInterval.toMillis(), TimeUnit.MILLISECONDS)) {
          return;
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private State run(String migration, MigrationSpec spec) {
    ExecutionPlan plan = ExecutionPlans.of(new Generator().plan(spec));
    MigrationExecutor executor = new MigrationExecutor(dataSource::getConnection, plan, ExecutionSettings.defaults(),
        new Listener(migration));
    running.put(migration, executor);
    String phase = "";
    try {
      for (String id : plan.phaseIds()) {
        if (NOT_HERE.contains(id)) {
          continue;
        }
        phase = id;
        update(migration, State.RUNNING, id, "", -1, -1);
        if (!executor.apply(id).complete()) {
          return update(migration, State.STOPPED, id, "stopped after a batch; the next start goes on", -1, -1);
        }
      }
      return update(migration, State.DONE, "", "every phase before the switch is applied; move the read path"
          + " with the colsync endpoint, then contract in a later release", -1, -1);
    } catch (ExecutionRefusedException e) {
      // Another instance runs it, or a phase must come first (expand, by this release's Flyway).
      return update(migration, State.WAITING, phase, e.getMessage(), -1, -1);
    } catch (SQLException | RuntimeException e) {
      LOG.log(Level.ERROR, "colsync: the background run of " + migration + " failed in " + phase, e);
      return update(migration, State.FAILED, phase, e.getMessage(), -1, -1);
    } finally {
      running.remove(migration);
    }
  }

  private State update(String migration, State state, String phase, String message, long rowsDone,
      long rowsEstimated) {
    Standing before = standings.get(migration);
    long done = rowsDone >= 0 ? rowsDone : before == null ? 0 : before.rowsDone();
    long estimated = rowsEstimated >= 0 ? rowsEstimated : before == null ? -1 : before.rowsEstimated();
    standings.put(migration, new Standing(state, phase, message, done, estimated, Instant.now()));
    return state;
  }

  private Optional<MigrationSpec> spec(String migration) {
    try (InputStream text = classLoader.getResourceAsStream(SPECS + migration + ".yaml")) {
      if (text == null) {
        return Optional.empty();
      }
      return Optional.of(new SpecLoader().load(SPECS + migration + ".yaml",
          new String(text.readAllBytes(), StandardCharsets.UTF_8)));
    } catch (IOException | RuntimeException | dev.colsync.core.spec.SpecException e) {
      update(migration, State.FAILED, "", "its spec cannot be read: " + e.getMessage(), -1, -1);
      return Optional.empty();
    }
  }

  /** Progress and retries of one migration's run, into its standing and the counters. */
  private final class Listener implements ExecutionListener {
    private final String migration;
    private long changedBefore;

    Listener(String migration) {
      this.migration = migration;
    }

    @Override
    public void backfillProgress(BackfillProgress progress) {
      rowsChanged.addAndGet(progress.rowsChanged() - changedBefore);
      changedBefore = progress.rowsChanged();
      update(migration, State.RUNNING, "backfill", "", progress.rowsDone(), progress.estimatedTotal());
    }

    @Override
    public void lockRetry(LockRetryEvent event) {
      lockRetries.incrementAndGet();
    }
  }
}
