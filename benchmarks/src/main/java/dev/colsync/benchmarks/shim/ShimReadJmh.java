package dev.colsync.benchmarks.shim;

import dev.colsync.runtime.flag.ReadPath;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** (4) One primary-key read: plain JDBC, and through the shim on OLD and on SHADOW. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ShimReadJmh {
  /** The database {@link ShimFixture#createTable} prepared; the harness passes it. */
  @Param("")
  public String jdbcUrl;

  private ShimFixture fixture;

  @Setup(Level.Trial)
  public void connect() throws SQLException {
    fixture = ShimFixture.connect(jdbcUrl);
  }

  @TearDown(Level.Trial)
  public void disconnect() throws SQLException {
    fixture.close();
  }

  private static int anyKey() {
    return ThreadLocalRandom.current().nextInt(1, ShimFixture.ROWS + 1);
  }

  @Benchmark
  public Integer plainJdbc() throws SQLException {
    return fixture.plainRead(anyKey());
  }

  @Benchmark
  public Integer shimOld() throws SQLException {
    fixture.readOn(ReadPath.OLD);
    return fixture.shimRead(anyKey());
  }

  @Benchmark
  public Integer shimShadow() throws SQLException {
    fixture.readOn(ReadPath.SHADOW);
    return fixture.shimRead(anyKey());
  }
}
