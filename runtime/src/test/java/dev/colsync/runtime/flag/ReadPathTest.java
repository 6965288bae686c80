package dev.colsync.runtime.flag;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadPathTest {

  @Test
  void parsesTheNamesWhateverTheirCaseAndSurroundingBlanks() {
    assertThat(ReadPath.parse("OLD")).contains(ReadPath.OLD);
    assertThat(ReadPath.parse("shadow")).contains(ReadPath.SHADOW);
    assertThat(ReadPath.parse(" New\n")).contains(ReadPath.NEW);
  }

  @Test
  void anythingElseIsNoPathAndReadsOld() {
    for (String text : new String[] {null, "", " ", "NEWER", "N EW", "on", "1", "OLD,NEW"}) {
      assertThat(ReadPath.parse(text)).as("%s", text).isEmpty();
      assertThat(ReadPath.parseOrOld(text)).as("%s", text).isEqualTo(ReadPath.OLD);
    }
  }

  @Test
  void onlyNewWritesTheNewColumn() {
    assertThat(ReadPath.OLD.writesNewColumn()).isFalse();
    assertThat(ReadPath.SHADOW.writesNewColumn()).isFalse();
    assertThat(ReadPath.NEW.writesNewColumn()).isTrue();
  }

  @Test
  void stepsCountInBothDirections() {
    assertThat(ReadPath.OLD.stepsTo(ReadPath.OLD)).isZero();
    assertThat(ReadPath.OLD.stepsTo(ReadPath.SHADOW)).isEqualTo(1);
    assertThat(ReadPath.OLD.stepsTo(ReadPath.NEW)).isEqualTo(2);
    assertThat(ReadPath.NEW.stepsTo(ReadPath.OLD)).isEqualTo(2);
    assertThat(ReadPath.NEW.stepsTo(ReadPath.SHADOW)).isEqualTo(1);
  }
}
