package dev.colsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.runtime.execution.BackfillProgress;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The terminal progress line fits the terminal, keeps its bar's length, and redraws in place. */
class ProgressDisplayTest {

  private static BackfillProgress progress(long done, long total, double rate, int batch, boolean finished) {
    return new BackfillProgress("users_full_name", "up", done, 0, total, done, done / Math.max(1, batch), batch,
        Duration.ofSeconds(3), rate, Duration.ofMillis(90), Duration.ZERO, finished);
  }

  @ParameterizedTest
  @ValueSource(ints = {40, 60, 80, 120, 200})
  void everyLineFitsItsWidthAndTheBarKeepsItsLength(int width) {
    List<BackfillProgress> run = List.of(progress(0, 10_000_000, 0, 100, false),
        progress(7, 10_000_000, 7, 1_000, false), progress(123_456, 10_000_000, 98_765.4, 12_345, false),
        progress(9_999_999, 10_000_000, 1_234_567, 50_000, false), progress(10_000_000, 10_000_000, 1_234_567, 50_000,
            true));
    List<String> lines = run.stream().map(each -> ProgressLayout.render(each, width - 1)).toList();

    assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(width - 1));
    assertThat(lines.stream().map(ProgressDisplayTest::barLength).distinct()).as(lines.toString()).hasSize(1);
  }

  @Test
  void eightyColumnsShowTheBarTheRowsAndTheEta() {
    String line = ProgressLayout.render(progress(123_456, 1_000_000, 98_765.4, 12_345, false), 79);

    assertThat(line).isEqualTo("backfill up  12% [==>                   ]   123,456/1,000,000 rows ETA  0:00:08");
    assertThat(line).hasSize(79);
  }

  @Test
  void twoHundredColumnsShowEveryField() {
    String line = ProgressLayout.render(progress(123_456, 1_000_000, 98_765.4, 12_345, false), 199);

    assertThat(line).isEqualTo("backfill up  12% [====>                                 ]   123,456/1,000,000"
        + " rows    98,765 rows/s ETA  0:00:08 batch  12,345");
    assertThat(barLength(line)).isEqualTo(ProgressLayout.MAX_BAR);
  }

  @Test
  void anUnknownTotalShowsRowsAndRate() {
    String line = ProgressLayout.render(progress(5_000, -1, 2_500, 500, false), 79);

    assertThat(line).startsWith("backfill up   ?% [ ").contains("] 5,000 rows     2,500 rows/s ETA  -:--:--");
    assertThat(line.length()).isLessThanOrEqualTo(79);
  }

  @ParameterizedTest
  @ValueSource(ints = {80, 200})
  void theDisplayRedrawsOneLineInPlace(int width) throws Exception {
    StringWriter written = new StringWriter();
    ProgressBarDisplay display = new ProgressBarDisplay(new PrintWriter(written), () -> width);
    for (long done = 0; done <= 1_000_000; done += 50_000) {
      display.update(progress(done, 1_000_000, done / 3.0, 5_000, done == 1_000_000));
      Thread.sleep(25);
    }
    display.close();

    String output = written.toString();
    assertThat(output).endsWith("\n");
    assertThat(output.chars().filter(c -> c == '\n').count()).as("one line, ended once").isEqualTo(1);
    List<String> redraws = Arrays.stream(output.split("[\r\n]")).filter(part -> !part.isEmpty()).toList();
    assertThat(redraws).isNotEmpty().allSatisfy(redraw -> assertThat(redraw.length()).isLessThan(width));
    assertThat(redraws.get(redraws.size() - 1)).startsWith("backfill up 100% [").contains("done");
  }

  private static int barLength(String line) {
    int open = line.indexOf('[');
    return open < 0 ? 0 : line.indexOf(']') - open + 1;
  }
}
