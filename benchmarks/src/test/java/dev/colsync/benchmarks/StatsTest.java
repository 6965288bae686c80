package dev.colsync.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatsTest {

  @Test
  void nearestRankPercentiles() {
    double[] samples = {5, 1, 4, 2, 3, 6, 7, 8, 9, 10};
    assertThat(Stats.percentile(samples, 50)).isEqualTo(5);
    assertThat(Stats.percentile(samples, 99)).isEqualTo(10);
    assertThat(Stats.percentile(samples, 0)).isEqualTo(1);
    assertThat(Stats.percentile(new double[0], 50)).isNaN();
  }

  @Test
  void figuresFormatThreeSignificantDigits() {
    assertThat(Figure.format(0.97312)).isEqualTo("0.973");
    assertThat(Figure.format(12.44)).isEqualTo("12.4");
    assertThat(Figure.format(1520.4)).isEqualTo("1520");
  }
}
