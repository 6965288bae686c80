package dev.colsync.benchmarks;

import dev.colsync.benchmarks.InterleavedReads.Read;
import dev.colsync.benchmarks.layers.BenchOrderAmounts;
import dev.colsync.benchmarks.layers.FragmentReads;
import dev.colsync.benchmarks.layers.HibernateReads;
import dev.colsync.benchmarks.layers.JooqReads;
import dev.colsync.benchmarks.layers.OrdersTable;
import dev.colsync.benchmarks.layers.PathShims;
import dev.colsync.benchmarks.layers.RewriteJmh;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.shim.ReadRewriter;
import dev.colsync.testing.PostgresServers;
import dev.colsync.testing.TestDatabase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * (6) Data-layer overhead (issue #13): what colsync's statement inspector costs per statement, and a read through
 * each data layer colsync supports against the same read without colsync, on a table mid-change (numeric
 * {@code amount} → bigint {@code amount_cents}, backfilled) with the shim the build generated: SQL fragments
 * (JdbcTemplate, plain SQL), jOOQ's logical field, Hibernate's inspector. The rewrite is timed by JMH in the full
 * run; the reads in interleaved rounds, as area 4's are.
 */
public final class DataLayerBenchmark implements Benchmark {
  @Override
  public int section() {
    return 6;
  }

  @Override
  public String title() {
    return "6 data-layer overhead";
  }

  @Override
  public List<Figure> run(BenchmarkOptions options) throws Exception {
    checkRewrite();
    List<Figure> figures = new ArrayList<>(rewriteFigures(options));
    try (TestDatabase database = PostgresServers.any().newDatabase()) {
      String url = database.jdbcUrl();
      OrdersTable.create(url);
      Rounds rounds = options.quick() ? new Rounds(3, 100) : new Rounds(100, 250);
      figures.addAll(fragmentReads(url, rounds));
      figures.addAll(jooqReads(url, rounds));
      figures.addAll(hibernateReads(url, rounds));
    }
    return figures;
  }

  /** The figures time a real rewrite: on OLD Hibernate's find comes out changed, on NEW as it went in. */
  private static void checkRewrite() {
    String sql = HibernateReads.FIND_SQL;
    String old = new ReadRewriter(List.of(ReadRewriter.target(PathShims.on(ReadPath.OLD)))).rewrite(sql);
    String onNew = new ReadRewriter(List.of(ReadRewriter.target(PathShims.on(ReadPath.NEW)))).rewrite(sql);
    if (old.equals(sql) || !onNew.equals(sql)) {
      throw new IllegalStateException("the rewriter no longer rewrites the find on OLD only: OLD gave " + old
          + ", NEW gave " + onNew);
    }
  }

  private static List<Figure> rewriteFigures(BenchmarkOptions options) throws Exception {
    Map<String, Double> nanos = options.quick() ? rewriteLoops()
        : JmhMedians.run(JmhMedians.options().include(RewriteJmh.class.getName()));
    String how = (options.quick() ? "quick in-process loop" : JmhMedians.HOW)
        + "; ReadRewriter.rewrite (what colsync's StatementInspector does) of the SELECT Hibernate sends for a find: "
        + HibernateReads.FIND_SQL;
    return List.of(
        Figure.measured(6, "Hibernate inspector: rewrite per statement, cached, on OLD", nanos.get("cachedOnOld"),
            " ns/op", null, how + "; one of its five columns rewritten"),
        Figure.measured(6, "Hibernate inspector: per statement, cached, on NEW (left as it is)",
            nanos.get("cachedOnNew"), " ns/op", null, "the flag evaluated, the statement returned unchanged"),
        Figure.measured(6, "Hibernate inspector: first sight of a statement text (analysis), on OLD",
            nanos.get("firstSightOnOld"), " ns/op", null,
            "a new rewriter per call, so the text is tokenized and analysed every time; once per text in use"));
  }

  private static Map<String, Double> rewriteLoops() {
    RewriteJmh rewrite = new RewriteJmh();
    Map<String, Double> nanos = new LinkedHashMap<>();
    nanos.put("cachedOnOld", nanosPerCall(rewrite::cachedOnOld, 200_000));
    nanos.put("cachedOnNew", nanosPerCall(rewrite::cachedOnNew, 200_000));
    nanos.put("firstSightOnOld", nanosPerCall(rewrite::firstSightOnOld, 20_000));
    return nanos;
  }

  private static double nanosPerCall(Supplier<String> call, int calls) {
    long sink = 0;
    for (int i = 0; i < calls / 10; i++) {
      sink += call.get().length();
    }
    long started = System.nanoTime();
    for (int i = 0; i < calls; i++) {
      sink += call.get().length();
    }
    double nanos = (double) (System.nanoTime() - started) / calls;
    if (sink < 0) {
      throw new AssertionError();
    }
    return nanos;
  }

  /** How many interleaved rounds, of how many reads each way. */
  private record Rounds(int rounds, int reads) {
    String note() {
      return "median over " + rounds + " rounds of " + reads + " reads each way, interleaved (order rotated) so load"
          + " drift cancels";
    }
  }

  private static List<Figure> fragmentReads(String url, Rounds rounds) throws Exception {
    BenchOrderAmounts old = PathShims.on(ReadPath.OLD);
    BenchOrderAmounts onNew = PathShims.on(ReadPath.NEW);
    BenchOrderAmounts shadow = PathShims.on(ReadPath.SHADOW);
    try (FragmentReads plain = FragmentReads.connect(url);
         FragmentReads viaOld = FragmentReads.connect(url);
         FragmentReads viaNew = FragmentReads.connect(url);
         FragmentReads viaShadow = FragmentReads.connect(url)) {
      InterleavedReads timed = time(List.of(plain::plain, id -> viaOld.through(old, id),
          id -> viaNew.through(onNew, id), id -> viaShadow.through(shadow, id)), rounds);
      String note = rounds.note() + "; SELECT o.amount_cents against the shim's selectList(path, \"o\", label) and"
          + " read(path, row, label); median µs per read: column " + micros(timed, 0) + ", OLD " + micros(timed, 1)
          + ", NEW " + micros(timed, 2) + ", SHADOW " + micros(timed, 3);
      return List.of(
          Figure.measured(6, "PK read, SQL fragments (JdbcTemplate, plain SQL) on OLD ÷ the same read of the column",
              timed.ratio(1, 0), "", null, note),
          Figure.measured(6, "PK read, SQL fragments on NEW ÷ the same read of the column", timed.ratio(2, 0), "",
              null, "NEW selects the column itself: what remains is the shim's Java"),
          Figure.measured(6, "PK read, SQL fragments on SHADOW ÷ the same read of the column", timed.ratio(3, 0), "",
              null, "SHADOW also selects the comparison, and the shim reports it"));
    }
  }

  private static List<Figure> jooqReads(String url, Rounds rounds) throws Exception {
    try (JooqReads plain = JooqReads.withoutColsync(url);
         JooqReads old = JooqReads.logical(url, PathShims.on(ReadPath.OLD));
         JooqReads onNew = JooqReads.logical(url, PathShims.on(ReadPath.NEW))) {
      InterleavedReads timed = time(List.of(plain::find, old::find, onNew::find), rounds);
      String note = rounds.note() + "; jOOQ " + org.jooq.Constants.VERSION + ", select(field).from(o).where(o.id ="
          + " ?).fetchOne() built per read, of o.amount_cents against LogicalFields.value(shim, o); median µs per"
          + " read: column " + micros(timed, 0) + ", OLD " + micros(timed, 1) + ", NEW " + micros(timed, 2);
      return List.of(
          Figure.measured(6, "jOOQ select, logical field on OLD ÷ the same select of the column", timed.ratio(1, 0),
              "", null, note),
          Figure.measured(6, "jOOQ select, logical field on NEW ÷ the same select of the column", timed.ratio(2, 0),
              "", null, "on SHADOW the field renders as on OLD (it selects no comparison), so SHADOW is not timed"));
    }
  }

  private static List<Figure> hibernateReads(String url, Rounds rounds) throws Exception {
    try (HibernateReads plain = HibernateReads.withoutColsync(url);
         HibernateReads old = HibernateReads.withInspector(url, ReadPath.OLD);
         HibernateReads onNew = HibernateReads.withInspector(url, ReadPath.NEW)) {
      InterleavedReads timed = time(List.of(plain::find, old::find, onNew::find), rounds);
      old.checkStatement();
      onNew.checkStatement();
      String note = rounds.note() + "; Hibernate " + HibernateReads.hibernateVersion() + ", no Spring, a session"
          + " per find(BenchOrder.class, id), no transaction; the entity maps amount_cents; median µs per read:"
          + " without " + micros(timed, 0) + ", OLD " + micros(timed, 1) + ", NEW " + micros(timed, 2);
      return List.of(
          Figure.measured(6, "Hibernate find, colsync's inspector on OLD ÷ no inspector", timed.ratio(1, 0), "", null,
              note),
          Figure.measured(6, "Hibernate find, colsync's inspector on NEW ÷ no inspector", timed.ratio(2, 0), "", null,
              "NEW sends Hibernate's statement unchanged; SHADOW's comparisons are reported by the starter's"
                  + " DataSource wrapper, not timed here"));
    }
  }

  /** Every way reads the same value first (the up function gives on OLD what the new column holds), then timed. */
  private static InterleavedReads time(List<Read> ways, Rounds rounds) throws Exception {
    Object expected = ways.get(0).at(7);
    for (Read way : ways) {
      Object value = way.at(7);
      if (!expected.equals(value)) {
        throw new IllegalStateException("the ways read different values for one row: " + expected + " and " + value);
      }
    }
    return InterleavedReads.time(ways, rounds.rounds(), rounds.reads(), OrdersTable.ROWS);
  }

  private static String micros(InterleavedReads timed, int way) {
    return Figure.format(timed.micros(way));
  }
}
