package dev.colsync.core.java;

import dev.colsync.core.output.Generator;
import dev.colsync.core.spec.MigrationSpec;
import dev.colsync.runtime.flag.ReadPath;
import dev.colsync.runtime.shim.ShimOptions;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * A generated shim, compiled in memory and called by reflection the way an application would
 * call it directly: {@code find(connection, key...)}, {@code update(connection, key..., value)}.
 */
final class ShimHandle {
  private final Object shim;
  private final Method find;
  private final Method update;
  private final Method insert;
  private final Method readPath;

  private ShimHandle(Object shim) {
    this.shim = shim;
    this.find = method(shim.getClass(), "find");
    this.update = method(shim.getClass(), "update");
    this.insert = method(shim.getClass(), "insert");
    this.readPath = method(shim.getClass(), "readPath");
  }

  /** Generates, compiles and loads the shim of {@code spec}; each call returns a new instance of that one class. */
  static Factory compile(MigrationSpec spec) {
    JavaSource source = new JavaShimGenerator().generate(new Generator().plan(spec)).orElseThrow();
    InMemoryCompiler.Compiled compiled = InMemoryCompiler.compile(Map.of(source.path(), source.text()));
    Class<?> type = compiled.load(source.packageName() + "." + source.className());
    return options -> {
      try {
        return new ShimHandle(type.getConstructor(ShimOptions.class).newInstance(options));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  /** Makes shims of one compiled class. */
  interface Factory {
    ShimHandle create(ShimOptions options);
  }

  Optional<?> find(Connection connection, Object[] key) throws SQLException {
    return (Optional<?>) call(find, connection, key);
  }

  boolean update(Connection connection, Object[] key, Object value) throws SQLException {
    return (Boolean) call(update, connection, append(key, value));
  }

  void insert(Connection connection, Object[] key, Object value) throws SQLException {
    call(insert, connection, append(key, value));
  }

  ReadPath readPath() {
    try {
      return (ReadPath) readPath.invoke(shim);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private Object call(Method method, Connection connection, Object[] arguments) throws SQLException {
    Object[] all = new Object[arguments.length + 1];
    all[0] = connection;
    System.arraycopy(arguments, 0, all, 1, arguments.length);
    try {
      return method.invoke(shim, all);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql;
      }
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The shim itself, as an application holds it. */
  Object instance() {
    return shim;
  }

  /** Calls the shim's method {@code name} (the one of that name with {@code arguments.length} parameters). */
  Object call(String name, Object... arguments) {
    Method method = Arrays.stream(shim.getClass().getMethods())
        .filter(m -> m.getName().equals(name) && m.getParameterCount() == arguments.length
            && (arguments.length == 0 || m.getParameterTypes()[arguments.length - 1].isInstance(
                arguments[arguments.length - 1])))
        .findFirst().orElseThrow();
    try {
      return method.invoke(shim, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } catch (IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object[] append(Object[] key, Object value) {
    Object[] all = Arrays.copyOf(key, key.length + 1);
    all[key.length] = value;
    return all;
  }

  private static Method method(Class<?> type, String name) {
    return Arrays.stream(type.getMethods()).filter(m -> m.getName().equals(name)).findFirst().orElseThrow();
  }
}
