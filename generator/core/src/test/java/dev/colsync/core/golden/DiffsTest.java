package dev.colsync.core.golden;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DiffsTest {

  @Test
  void showsTheFirstDifferingLineWithContext() {
    String diff = Diffs.firstDifference("a.sql", "1\n2\n3\n4\n5\n", "1\n2\n3\n4\nfive\n");

    assertThat(diff).isEqualTo("""
        --- a.sql (golden)
        +++ a.sql (generated)
        @@ first difference at line 5 @@
          2
          3
          4
        - 5
        + five
        """);
  }

  @Test
  void aShorterTextEndsEarly() {
    assertThat(Diffs.firstDifference("a", "x\n", "x\ny\n")).contains("- <end of file>\n+ y\n");
    assertThat(Diffs.firstDifference("a", "x\ny\n", "x\n")).contains("- y\n+ <end of file>\n");
  }

  @Test
  void invisibleDifferencesAreExplained() {
    assertThat(Diffs.firstDifference("a", "x\n", "x")).contains("line endings or the final newline");
    assertThat(Diffs.firstDifference("a", "x \n", "x\n")).contains("- x·\n+ x\n");
  }
}
