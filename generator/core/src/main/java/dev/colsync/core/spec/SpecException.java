package dev.colsync.core.spec;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when one or more specs are invalid; carries every problem found, not just the first. */
public final class SpecException extends Exception {
  private static final long serialVersionUID = 1L;

  private final transient List<SpecProblem> problems;

  public SpecException(List<SpecProblem> problems) {
    super(problems.stream().map(SpecProblem::toString).collect(Collectors.joining(System.lineSeparator())));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a SpecException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public List<SpecProblem> problems() {
    return problems;
  }
}
