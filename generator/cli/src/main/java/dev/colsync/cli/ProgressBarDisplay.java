package dev.colsync.cli;

import dev.colsync.runtime.execution.BackfillProgress;
import java.io.PrintWriter;
import java.text.DecimalFormat;
import java.time.Duration;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress as a redrawn terminal bar: rows done of the estimated total, rate, ETA, batch size. */
final class ProgressBarDisplay implements ProgressDisplay {
  private static final int DEFAULT_WIDTH = 100;

  private final PrintWriter err;
  private ProgressBar bar;

  ProgressBarDisplay(PrintWriter err) {
    this.err = err;
  }

  @Override
  public void update(BackfillProgress progress) {
    if (bar == null) {
      bar = new ProgressBarBuilder()
          .setTaskName("backfill " + progress.direction())
          .setInitialMax(progress.estimatedTotal())
          .setStyle(ProgressBarStyle.ASCII)
          .setUnit(" rows", 1)
          .showSpeed(new DecimalFormat("#,##0"))
          .setUpdateIntervalMillis(200)
          .startsFrom(progress.rowsAtStart(), Duration.ZERO)
          .setConsumer(new WriterConsumer(err, width()))
          .build();
    }
    bar.maxHint(progress.estimatedTotal());
    bar.stepTo(progress.rowsDone());
    bar.setExtraMessage(" batch " + progress.batchSize() + ", " + progress.rowsChanged() + " changed");
  }

  @Override
  public void message(String line) {
    synchronized (err) {
      err.print("\r");
      err.println(line);
      err.flush();
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
      bar = null;
    }
  }

  /** The terminal's width as the shell exports it, or a common one. */
  private static int width() {
    String columns = System.getenv("COLUMNS");
    if (columns != null && columns.matches("[0-9]{2,4}")) {
      return Integer.parseInt(columns) - 1;
    }
    return DEFAULT_WIDTH;
  }

  /** Redraws the bar in place on the command's error writer. */
  private static final class WriterConsumer implements ProgressBarConsumer {
    private final PrintWriter err;
    private final int width;
    private int lastLength;

    WriterConsumer(PrintWriter err, int width) {
      this.err = err;
      this.width = width;
    }

    @Override
    public int getMaxRenderedLength() {
      return width;
    }

    @Override
    public void accept(String rendered) {
      synchronized (err) {
        err.print('\r');
        err.print(rendered);
        // A shorter line than the last must blank out what is left of it.
        err.print(" ".repeat(Math.max(0, lastLength - rendered.length())));
        lastLength = rendered.length();
        err.flush();
      }
    }

    @Override
    public void close() {
      synchronized (err) {
        err.println();
        err.flush();
      }
    }
  }
}
