package dev.colsync.examples;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/** What happened while one phase ran: client operations, their errors and latencies, lock waits. */
final class PhaseStats {
  private static final int KEPT_ERRORS = 5;

  private final String name;
  private final Set<String> clients;
  private final long startedNanos = System.nanoTime();
  private volatile long endedNanos;
  private final Map<String, AtomicLong> operations = new ConcurrentHashMap<>();
  private final AtomicLong errors = new AtomicLong();
  private final List<String> firstErrors = new CopyOnWriteArrayList<>();
  private final LatencyRecorder latencies = new LatencyRecorder();
  private final AtomicReference<LockWait> longestApplicationWait = new AtomicReference<>(LockWait.NONE);
  private final AtomicReference<LockWait> longestWait = new AtomicReference<>(LockWait.NONE);

  PhaseStats(String name, Set<String> clients) {
    this.name = name;
    this.clients = Collections.unmodifiableSet(new LinkedHashSet<>(clients)); // in the order given
  }

  void operation(String client, long latencyNanos) {
    operations.computeIfAbsent(client, c -> new AtomicLong()).incrementAndGet();
    latencies.record(latencyNanos);
  }

  void error(String client, Exception e) {
    errors.incrementAndGet();
    if (firstErrors.size() < KEPT_ERRORS) {
      firstErrors.add(client + ": " + e);
    }
  }

  /** A lock wait seen in progress; {@code application} tells whether an application client waited. */
  void lockWait(LockWait wait, boolean application) {
    longestWait.accumulateAndGet(wait, LockWait::longer);
    if (application) {
      longestApplicationWait.accumulateAndGet(wait, LockWait::longer);
    }
  }

  void end() {
    endedNanos = System.nanoTime();
  }

  String name() {
    return name;
  }

  Set<String> clients() {
    return clients;
  }

  Duration took() {
    long end = endedNanos == 0 ? System.nanoTime() : endedNanos;
    return Duration.ofNanos(end - startedNanos);
  }

  Map<String, Long> operations() {
    Map<String, Long> counts = new TreeMap<>();
    operations.forEach((client, count) -> counts.put(client, count.get()));
    return counts;
  }

  long totalOperations() {
    return operations.values().stream().mapToLong(AtomicLong::get).sum();
  }

  long errors() {
    return errors.get();
  }

  List<String> firstErrors() {
    return List.copyOf(firstErrors);
  }

  LatencyRecorder.Latencies latencies() {
    return latencies.summary();
  }

  LockWait longestWait() {
    return longestWait.get();
  }

  LockWait longestApplicationWait() {
    return longestApplicationWait.get();
  }
}
