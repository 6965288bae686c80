package dev.colsync.core.spec;

import java.util.Optional;
import java.util.Set;
import javax.lang.model.SourceVersion;

/** Checks the Java package and class names a spec asks the shims to be generated under. */
final class JavaNames {
  static final String EXPECTED_PACKAGE = "a Java package name such as com.example.users, without keywords";
  static final String EXPECTED_CLASS = "a Java class name such as UsersFullNameShim";

  /** The generated code targets Java 17, so names are judged by its rules. */
  private static final SourceVersion TARGET = SourceVersion.RELEASE_17;

  /** Identifiers Java 17 does not allow as the name of a type (JLS 3.9). */
  private static final Set<String> NOT_TYPE_NAMES = Set.of("var", "yield", "record", "sealed", "permits");

  private JavaNames() {}

  static Optional<String> packageProblem(String name) {
    if (name.isEmpty()) {
      return Optional.of("the package name is empty");
    }
    for (String part : name.split("\\.", -1)) {
      Optional<String> problem = identifierProblem(part, "package name '" + name + "'");
      if (problem.isPresent()) {
        return problem;
      }
    }
    if (name.equals("java") || name.startsWith("java.")) {
      return Optional.of("package '" + name + "' is inside java, which the JVM reserves for the JDK");
    }
    return Optional.empty();
  }

  static Optional<String> classProblem(String name) {
    Optional<String> problem = identifierProblem(name, "class name");
    if (problem.isEmpty() && NOT_TYPE_NAMES.contains(name)) {
      return Optional.of("'" + name + "' cannot name a class in Java 17");
    }
    return problem;
  }

  private static Optional<String> identifierProblem(String part, String where) {
    if (part.isEmpty()) {
      return Optional.of("the " + where + " has an empty part");
    }
    if (SourceVersion.isKeyword(part, TARGET)) {
      return Optional.of("'" + part + "' in the " + where + " is a Java keyword");
    }
    if (!SourceVersion.isIdentifier(part)) {
      return Optional.of("'" + part + "' in the " + where + " is not a Java identifier");
    }
    return Optional.empty();
  }
}
