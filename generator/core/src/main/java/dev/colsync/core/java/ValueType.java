package dev.colsync.core.java;

import com.palantir.javapoet.TypeName;

/**
 * How a column's SQL type appears in the generated Java.
 *
 * @param constant the {@code dev.colsync.runtime.shim.ColumnType} constant that reads and binds it
 * @param boxed the Java type of a value that may be NULL
 * @param notNull the Java type of a value that may not be NULL (a primitive where there is one)
 * @param castType the SQL type a bound parameter is cast to: the base type without a length or
 *     precision, so that the cast itself never truncates; assignment to the column applies those
 */
record ValueType(String constant, TypeName boxed, TypeName notNull, String castType) {

  /** The Java type of a value that may be NULL unless {@code notNullable}. */
  TypeName javaType(boolean notNullable) {
    return notNullable ? notNull : boxed;
  }
}
