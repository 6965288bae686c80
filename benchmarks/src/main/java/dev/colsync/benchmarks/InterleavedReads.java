package dev.colsync.benchmarks;

import java.util.ArrayList;
import java.util.List;

/**
 * The same read made several ways, timed in interleaved rounds: in each round every way makes its reads once, the
 * order rotated from round to round, and a ratio of two ways is the median of their per-round ratios. Load drift on
 * a shared machine then lands on both sides of a ratio within a round instead of on one way; measured one after the
 * other, it exceeded the few per cent being measured.
 */
final class InterleavedReads {
  private static final int WARM_UP_ROUNDS = 3;

  /** One way to read the row with a key; returns its value, never null for a key that exists. */
  @FunctionalInterface
  interface Read {
    Object at(int key) throws Exception;
  }

  /** µs per read, by round and way. */
  private final double[][] micros;

  private InterleavedReads(double[][] micros) {
    this.micros = micros;
  }

  /**
   * Times {@code ways} over {@code rounds} rounds of {@code reads} reads each, after three warm-up rounds; the keys
   * walk 1 … {@code keys} in a stride that skips about.
   */
  static InterleavedReads time(List<Read> ways, int rounds, int reads, int keys) throws Exception {
    for (int warmUp = 0; warmUp < WARM_UP_ROUNDS; warmUp++) {
      for (Read way : ways) {
        timeReads(way, reads, keys);
      }
    }
    double[][] micros = new double[rounds][ways.size()];
    for (int round = 0; round < rounds; round++) {
      for (int i = 0; i < ways.size(); i++) {
        int way = (round + i) % ways.size();
        micros[round][way] = timeReads(ways.get(way), reads, keys);
      }
    }
    return new InterleavedReads(micros);
  }

  /** The median over the rounds of way {@code way}'s time ÷ way {@code baseline}'s in the same round. */
  double ratio(int way, int baseline) {
    List<Double> ratios = new ArrayList<>();
    for (double[] round : micros) {
      ratios.add(round[way] / round[baseline]);
    }
    return Stats.median(ratios);
  }

  /** The median over the rounds of way {@code way}'s µs per read. */
  double micros(int way) {
    List<Double> times = new ArrayList<>();
    for (double[] round : micros) {
      times.add(round[way]);
    }
    return Stats.median(times);
  }

  private static double timeReads(Read read, int reads, int keys) throws Exception {
    long started = System.nanoTime();
    for (int i = 0; i < reads; i++) {
      if (read.at(1 + (i * 7919) % keys) == null) {
        throw new IllegalStateException("no row for a key that exists");
      }
    }
    return (System.nanoTime() - started) / 1e3 / reads;
  }
}
