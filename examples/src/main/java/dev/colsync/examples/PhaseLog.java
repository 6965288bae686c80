package dev.colsync.examples;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/** The phases in the order they ran; clients and monitors record into the one running now. */
final class PhaseLog {
  private final List<PhaseStats> phases = new CopyOnWriteArrayList<>();
  private volatile PhaseStats current = new PhaseStats("start", Set.of());

  /** Ends the running phase and starts {@code name}, during which {@code clients} run. */
  synchronized PhaseStats begin(String name, Set<String> clients) {
    current.end();
    PhaseStats next = new PhaseStats(name, clients);
    phases.add(next);
    current = next;
    return next;
  }

  synchronized void end() {
    current.end();
  }

  PhaseStats current() {
    return current;
  }

  List<PhaseStats> phases() {
    return List.copyOf(phases);
  }
}
