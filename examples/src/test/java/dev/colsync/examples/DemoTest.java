package dev.colsync.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The live demo in quick mode, so that it keeps working: 20,000 orders, short soaks. */
class DemoTest {

  @Test
  void everyPhaseRunsUnderTrafficWithoutErrorsAndConverges() throws Exception {
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
    DemoResult result = new DemoRun(new DemoSettings(20_000, Duration.ofMillis(300), 2), out).run();
    ReportPrinter.print(result, out);
    String report = output.toString(StandardCharsets.UTF_8);
    System.out.println(report);

    assertThat(result.failures()).as(report).isEmpty();
    assertThat(result.phases()).extracting(PhaseStats::name).containsExactly("baseline (no change running)",
        "expand", "backfill", "indexes", "validate", "switch to SHADOW", "switch to NEW", "verify convergence", "contract");
    assertThat(result.phases()).filteredOn(phase -> !phase.name().equals("verify convergence")) // no soak there
        .allSatisfy(phase -> assertThat(phase.totalOperations()).as(phase.name()).isPositive());
    assertThat(result.backfill().rowsWalked()).isGreaterThanOrEqualTo(20_000);
    assertThat(result.convergencePercent()).isEqualTo(100.0);
    assertThat(result.writes().orders()).isPositive();
    assertThat(result.writes().lost()).isZero();
    assertThat(report).contains("PASSED");
  }

  @Test
  void settingsComeFromTheArguments() {
    assertThat(DemoSettings.parse("--rows=100_000", "--soak=250ms", "--clients=3"))
        .isEqualTo(new DemoSettings(100_000, Duration.ofMillis(250), 3));
    assertThat(DemoSettings.parse()).isEqualTo(DemoSettings.DEFAULTS);
  }
}
