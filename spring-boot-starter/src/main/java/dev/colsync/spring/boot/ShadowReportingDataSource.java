package dev.colsync.spring.boot;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;

/**
 * The application's DataSource, seen through a thin wrapper that reports the SHADOW comparisons of the statements
 * colsync rewrote: a statement whose text carries the comparison columns gets result sets that, at each row, report
 * those columns to their shims. Every other call goes straight through; {@code unwrap} reaches the pool beneath.
 */
final class ShadowReportingDataSource {
  private ShadowReportingDataSource() {}

  static DataSource wrap(DataSource dataSource, ColsyncReads reads) {
    return proxy(DataSource.class, dataSource, (target, method, arguments) -> {
      Object result = invoke(target, method, arguments);
      return result instanceof Connection connection && method.getName().equals("getConnection")
          ? connection(connection, reads) : result;
    });
  }

  private static Connection connection(Connection connection, ColsyncReads reads) {
    return proxy(Connection.class, connection, (target, method, arguments) -> {
      Object result = invoke(target, method, arguments);
      if (result instanceof PreparedStatement statement && method.getName().equals("prepareStatement")
          && arguments != null && arguments[0] instanceof String sql
          && dev.colsync.runtime.shim.ReadRewriter.comparesShadows(sql)) {
        return statement(statement, reads);
      }
      return result;
    });
  }

  private static PreparedStatement statement(PreparedStatement statement, ColsyncReads reads) {
    return proxy(PreparedStatement.class, statement, (target, method, arguments) -> {
      Object result = invoke(target, method, arguments);
      return result instanceof ResultSet rows
          && (method.getName().equals("executeQuery") || method.getName().equals("getResultSet"))
          ? rows(rows, reads) : result;
    });
  }

  private static ResultSet rows(ResultSet rows, ColsyncReads reads) {
    return proxy(ResultSet.class, rows, (target, method, arguments) -> {
      Object result = invoke(target, method, arguments);
      if (method.getName().equals("next") && Boolean.TRUE.equals(result)) {
        reads.rewriter().reportShadows(rows);
      }
      return result;
    });
  }

  /** What a proxied call does: {@code target}'s own method, its exception unwrapped. */
  @FunctionalInterface
  private interface Call<T> {
    Object handle(T target, Method method, Object[] arguments) throws Throwable;
  }

  private static <T> T proxy(Class<T> type, T target, Call<T> call) {
    InvocationHandler handler = (proxy, method, arguments) -> switch (method.getName()) {
      case "unwrap" -> type.equals(arguments[0]) ? proxy : invoke(target, method, arguments);
      case "isWrapperFor" -> type.equals(arguments[0]) || (Boolean) invoke(target, method, arguments);
      case "equals" -> proxy == arguments[0];
      case "hashCode" -> System.identityHashCode(proxy);
      default -> call.handle(target, method, arguments);
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
