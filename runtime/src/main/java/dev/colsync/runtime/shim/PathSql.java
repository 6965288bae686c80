package dev.colsync.runtime.shim;

import dev.colsync.runtime.flag.ReadPath;
import java.util.Objects;

/**
 * One piece of SQL in its three forms, one per read path. Generated as constants: the text never
 * contains a value, only parameters.
 *
 * @param onOld the SQL on {@link ReadPath#OLD}
 * @param onShadow the SQL on {@link ReadPath#SHADOW}
 * @param onNew the SQL on {@link ReadPath#NEW}
 */
public record PathSql(String onOld, String onShadow, String onNew) {
  public PathSql {
    Objects.requireNonNull(onOld, "onOld");
    Objects.requireNonNull(onShadow, "onShadow");
    Objects.requireNonNull(onNew, "onNew");
  }

  /** The SQL on {@code path}. */
  public String on(ReadPath path) {
    return switch (path) {
      case OLD -> onOld;
      case SHADOW -> onShadow;
      case NEW -> onNew;
    };
  }
}
