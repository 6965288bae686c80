package dev.colsync.core.plan;

import dev.colsync.runtime.sql.SqlLexer;
import dev.colsync.runtime.sql.SqlScript;
import dev.colsync.runtime.sql.SqlToken;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Lock-safety rules every generated plan must satisfy, checked on the SQL text itself:
 * no index built without {@code CONCURRENTLY} (an index {@code ON ONLY} a partitioned table builds
 * nothing, so needs none); no {@code CONCURRENTLY} inside a transactional
 * script; every locking statement preceded by a {@code lock_timeout} in its script; every
 * constraint added {@code NOT VALID} and validated by a later script.
 */
public final class SelfCheck {
  private SelfCheck() {}

  /** @throws IllegalStateException listing every violation, if there is any */
  public static void requireClean(Plan plan) {
    List<String> violations = violations(plan);
    if (!violations.isEmpty()) {
      throw new IllegalStateException("generated SQL of " + plan.spec().migration()
          + " breaks lock-safety rules:\n  " + String.join("\n  ", violations));
    }
  }

  public static List<String> violations(Plan plan) {
    List<String> violations = new ArrayList<>();
    for (PhasePlan phase : plan.phases()) {
      checkSequence(phase.phase().id(), phase.steps(), violations);
      checkSequence(phase.phase().id() + " rollback", phase.rollback(), violations);
    }
    return violations;
  }

  /** Checks scripts that run one after another; constraints must be validated by a later one. */
  private static void checkSequence(String where, List<Step> steps, List<String> violations) {
    Set<String> awaitingValidation = new HashSet<>();
    for (Step step : steps) {
      String script = where + "/" + step.name();
      boolean transactional = step.mode() == TransactionMode.SINGLE_TRANSACTION;
      boolean lockTimeoutSet = false;
      Set<String> addedHere = new HashSet<>();
      for (String statement : SqlScript.statements(step.sql())) {
        List<SqlToken> code = codeTokens(statement);
        // SET LOCAL lasts until the end of the transaction, so outside one it sets nothing.
        if (startsWith(code, "set", "lock_timeout") || (transactional && startsWith(code, "set", "local", "lock_timeout"))) {
          lockTimeoutSet = true;
        }
        for (List<SqlToken> inner : withDoBodies(code)) {
          if (takesTableLock(inner) && !lockTimeoutSet) {
            violations.add(script + ": locking statement without a lock_timeout before it: " + head(inner));
          }
          if (buildsIndex(inner) && !contains(inner, "concurrently") && !containsSequence(inner, "on", "only")) {
            violations.add(script + ": index built without CONCURRENTLY: " + head(inner));
          }
          if (contains(inner, "concurrently") && transactional) {
            violations.add(script + ": CONCURRENTLY inside a transactional script: " + head(inner));
          }
          String added = addedConstraint(inner);
          if (added != null && !containsSequence(inner, "using", "index")) {
            if (added.isEmpty()) {
              violations.add(script + ": unnamed constraint added, which no later script can validate: "
                  + head(inner));
            } else if (!containsSequence(inner, "not", "valid")) {
              violations.add(script + ": constraint " + added + " added without NOT VALID");
            } else {
              addedHere.add(added);
            }
          }
          String dropped = droppedConstraint(inner);
          if (dropped != null) {
            addedHere.remove(dropped); // tried and taken back (expand's probe of a CHECK copy)
          }
          String validated = validatedConstraint(inner);
          if (validated != null) {
            if (addedHere.remove(validated)) {
              violations.add(script + ": constraint " + validated + " validated in the transaction that added it");
            }
            awaitingValidation.remove(validated);
          }
        }
      }
      awaitingValidation.addAll(addedHere);
    }
    for (String constraint : awaitingValidation) {
      violations.add(where + ": constraint " + constraint + " is added NOT VALID but never validated");
    }
  }

  private static List<SqlToken> codeTokens(String sql) {
    return SqlLexer.tokenize(sql).stream().filter(token -> !token.isTrivia()).toList();
  }

  /** The statement itself and, for a {@code DO} block, each statement of its body. */
  private static List<List<SqlToken>> withDoBodies(List<SqlToken> statement) {
    List<List<SqlToken>> all = new ArrayList<>();
    all.add(statement);
    if (!statement.isEmpty() && statement.get(0).isKeyword("do")) {
      for (SqlToken token : statement) {
        if (token.kind() == SqlToken.Kind.DOLLAR_STRING) {
          String text = token.text();
          String body = text.substring(text.indexOf('$', 1) + 1, text.lastIndexOf('$', text.length() - 2));
          for (String inner : SqlScript.statements(body)) {
            all.add(trimToStatement(codeTokens(inner)));
          }
        }
      }
    }
    return all;
  }

  /** Drops plpgsql control words before a statement inside a block ({@code IF … THEN ALTER TABLE …}). */
  private static List<SqlToken> trimToStatement(List<SqlToken> tokens) {
    for (int i = 0; i < tokens.size(); i++) {
      if (tokens.get(i).isKeyword("alter") || tokens.get(i).isKeyword("create") || tokens.get(i).isKeyword("drop")
          || tokens.get(i).isKeyword("lock")) {
        return tokens.subList(i, tokens.size());
      }
    }
    return List.of();
  }

  private static boolean takesTableLock(List<SqlToken> code) {
    return startsWith(code, "alter", "table") || startsWith(code, "lock", "table")
        || startsWith(code, "create", "trigger") || startsWith(code, "create", "or", "replace", "trigger")
        || startsWith(code, "drop", "trigger") || (buildsIndex(code) && !contains(code, "concurrently"));
  }

  private static boolean buildsIndex(List<SqlToken> code) {
    return startsWith(code, "create", "index") || startsWith(code, "create", "unique", "index");
  }

  private static String addedConstraint(List<SqlToken> code) {
    if (!startsWith(code, "alter", "table")) {
      return null;
    }
    for (int i = 0; i + 1 < code.size(); i++) {
      if (!code.get(i).isKeyword("add")) {
        continue;
      }
      SqlToken what = code.get(i + 1);
      if (what.isKeyword("constraint") && i + 2 < code.size()) {
        return code.get(i + 2).identifier();
      }
      if (what.isKeyword("check") || what.isKeyword("foreign") || what.isKeyword("unique")
          || what.isKeyword("primary") || what.isKeyword("exclude")) {
        return "";
      }
    }
    return null;
  }

  private static String droppedConstraint(List<SqlToken> code) {
    if (!startsWith(code, "alter", "table")) {
      return null;
    }
    for (int i = 0; i + 2 < code.size(); i++) {
      if (code.get(i).isKeyword("drop") && code.get(i + 1).isKeyword("constraint")) {
        boolean ifExists = code.get(i + 2).isKeyword("if") && i + 4 < code.size();
        return code.get(ifExists ? i + 4 : i + 2).identifier();
      }
    }
    return null;
  }

  private static String validatedConstraint(List<SqlToken> code) {
    for (int i = 0; i + 2 < code.size(); i++) {
      if (code.get(i).isKeyword("validate") && code.get(i + 1).isKeyword("constraint")) {
        return code.get(i + 2).identifier();
      }
    }
    return null;
  }

  private static boolean startsWith(List<SqlToken> code, String... words) {
    if (code.size() < words.length) {
      return false;
    }
    for (int i = 0; i < words.length; i++) {
      if (!code.get(i).isKeyword(words[i])) {
        return false;
      }
    }
    return true;
  }

  private static boolean contains(List<SqlToken> code, String word) {
    return code.stream().anyMatch(token -> token.isKeyword(word));
  }

  private static boolean containsSequence(List<SqlToken> code, String first, String second) {
    for (int i = 0; i + 1 < code.size(); i++) {
      if (code.get(i).isKeyword(first) && code.get(i + 1).isKeyword(second)) {
        return true;
      }
    }
    return false;
  }

  private static String head(List<SqlToken> code) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < Math.min(6, code.size()); i++) {
      text.append(i == 0 ? "" : " ").append(code.get(i).text());
    }
    return text.toString();
  }
}
