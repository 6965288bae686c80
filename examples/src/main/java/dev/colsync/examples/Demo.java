package dev.colsync.examples;

/**
 * The live demo: {@code ./mvnw -B -q -pl examples -am verify -Pdemo -DskipTests -Dinvoker.skip [-Drows=100000]},
 * or this class with {@code --rows=N --soak=1s --clients=2}. Exits 0 when every check passed, 1 when
 * one failed, 2 on a bad argument.
 */
public final class Demo {
  private Demo() {}

  public static void main(String[] args) throws Exception {
    DemoSettings settings;
    try {
      settings = DemoSettings.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    DemoResult result = new DemoRun(settings, System.out).run();
    ReportPrinter.print(result, System.out);
    System.exit(result.passed() ? 0 : 1);
  }
}
