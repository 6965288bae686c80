package dev.colsync.cli;

import dev.colsync.runtime.execution.BackfillProgress;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.IntSupplier;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarConsumer;

/**
 * Progress as one terminal line redrawn in place ({@link ProgressLayout}), never wider than the terminal, so
 * a refresh never wraps. The progress bar library keeps the time and redraws; the layout is colsync's.
 */
final class ProgressBarDisplay implements ProgressDisplay {
  private final PrintWriter err;
  private final IntSupplier columns;
  private volatile BackfillProgress latest;
  private ProgressBar bar;

  /** A display as wide as the terminal: {@code COLUMNS} when the shell exports it, else what the terminal says. */
  ProgressBarDisplay(PrintWriter err) {
    this(err, terminalColumns());
  }

  /** A display for a terminal {@code columns} wide (asked at every redraw, so a resize is followed). */
  ProgressBarDisplay(PrintWriter err, IntSupplier columns) {
    this.err = err;
    this.columns = columns;
  }

  @Override
  public void update(BackfillProgress progress) {
    latest = progress;
    if (bar == null) {
      bar = new ProgressBarBuilder()
          .setTaskName("backfill " + progress.direction())
          .setInitialMax(Math.max(progress.estimatedTotal(), 0))
          .setUpdateIntervalMillis(200)
          .startsFrom(progress.rowsAtStart(), Duration.ZERO)
          .setRenderer((state, width) -> ProgressLayout.render(latest, width))
          .setConsumer(new LineConsumer(err, columns))
          .build();
    }
    bar.maxHint(Math.max(progress.estimatedTotal(), 0));
    bar.stepTo(progress.rowsDone());
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

  private static IntSupplier terminalColumns() {
    String exported = System.getenv("COLUMNS");
    if (exported != null && exported.matches("[0-9]{2,4}")) {
      int columns = Integer.parseInt(exported);
      return () -> columns;
    }
    ConsoleProgressBarConsumer probe = new ConsoleProgressBarConsumer(System.err);
    // The library's console consumer answers the terminal's width (less a margin where the last column wraps).
    return probe::getMaxRenderedLength;
  }

  /** Redraws the line in place on the command's error writer, one column short of the terminal's width. */
  private static final class LineConsumer implements ProgressBarConsumer {
    private final PrintWriter err;
    private final IntSupplier columns;
    private int lastLength;

    LineConsumer(PrintWriter err, IntSupplier columns) {
      this.err = err;
      this.columns = columns;
    }

    @Override
    public int getMaxRenderedLength() {
      return Math.max(1, columns.getAsInt() - 1);
    }

    @Override
    public void accept(String rendered) {
      synchronized (err) {
        err.print('\r');
        err.print(rendered);
        // A shorter line than the last must blank out what is left of it, within the line.
        int blanks = Math.min(lastLength, getMaxRenderedLength()) - rendered.length();
        err.print(" ".repeat(Math.max(0, blanks)));
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
