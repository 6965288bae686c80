package dev.colsync.core.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One change a team would make on a sample database, how its two application versions write while it
 * runs, and what must come of it: the change done, or a refusal naming the object with a remedy that,
 * applied by the team first, lets the change run.
 *
 * <p>The insert template is one statement that inserts a row (and may insert rows that reference it)
 * and returns the row's primary key. In it {@code :n} is a number no other insert of the run uses,
 * {@code :column} the column the writing version knows and {@code :value} the value it writes there.
 */
final class CorpusChange {
  enum Kind { RENAME, RETYPE, IN_PLACE }

  /** The refusal expected of the change as it stands, and what the team does to make it run. */
  record Refusal(List<String> messageContains, List<String> remedy) {}

  private final String id;
  private final SampleDatabase database;
  private final String schema;
  private final String table;
  private final String column;
  private final Kind kind;
  private final String to;
  private final String toType;
  private final String up;
  private final String down;
  private final List<String> setup = new ArrayList<>();
  private String insert;
  private Values oldValues;
  private Values newValues;
  private String touch;
  private boolean writtenByTrigger;
  private Refusal refusal;
  private final List<String> invariants = new ArrayList<>();

  private CorpusChange(String id, SampleDatabase database, String qualifiedTable, String column, Kind kind,
      String to, String toType, String up, String down) {
    this.id = id;
    this.database = database;
    int dot = qualifiedTable.indexOf('.');
    this.schema = qualifiedTable.substring(0, dot);
    this.table = qualifiedTable.substring(dot + 1);
    this.column = column;
    this.kind = kind;
    this.to = to;
    this.toType = toType;
    this.up = up;
    this.down = down;
  }

  static CorpusChange rename(String id, SampleDatabase database, String table, String column, String to) {
    return new CorpusChange(id, database, table, column, Kind.RENAME, to, null, null, null);
  }

  static CorpusChange retype(String id, SampleDatabase database, String table, String column, String to,
      String toType, String up, String down) {
    return new CorpusChange(id, database, table, column, Kind.RETYPE, to, toType, up, down);
  }

  static CorpusChange inPlace(String id, SampleDatabase database, String table, String column, String toType,
      String up, String down) {
    return new CorpusChange(id, database, table, column, Kind.IN_PLACE, column, toType, up, down);
  }

  /** DDL the team runs before it scaffolds the change (a type the new column needs, say). */
  CorpusChange setup(String... statements) {
    setup.addAll(List.of(statements));
    return this;
  }

  CorpusChange inserting(String template) {
    this.insert = template;
    return this;
  }

  /** Both versions update the column: the old one with old values, the new one with new values. */
  CorpusChange updating(Values oldValues, Values newValues) {
    this.oldValues = oldValues;
    this.newValues = newValues;
    return this;
  }

  /** Both versions also update this other column of their rows (which fires the table's update triggers). */
  CorpusChange touching(String otherColumn) {
    this.touch = otherColumn;
    return this;
  }

  /** A trigger of the table sets the column on every write, so what a version wrote is not what stays. */
  CorpusChange setByTrigger() {
    this.writtenByTrigger = true;
    return this;
  }

  /** A query counting the rows that break a rule of the schema's own; it must count 0 after contract. */
  CorpusChange holds(String countOfViolations) {
    invariants.add(countOfViolations);
    return this;
  }

  List<String> invariants() {
    return List.copyOf(invariants);
  }

  CorpusChange refusedUntil(List<String> messageContains, String... remedy) {
    this.refusal = new Refusal(List.copyOf(messageContains), List.of(remedy));
    return this;
  }

  String id() {
    return id;
  }

  SampleDatabase database() {
    return database;
  }

  String schema() {
    return schema;
  }

  String table() {
    return table;
  }

  String column() {
    return column;
  }

  Kind kind() {
    return kind;
  }

  String to() {
    return to;
  }

  Optional<String> toType() {
    return Optional.ofNullable(toType);
  }

  String up() {
    return up;
  }

  String down() {
    return down;
  }

  List<String> setup() {
    return List.copyOf(setup);
  }

  Optional<String> insert() {
    return Optional.ofNullable(insert);
  }

  Optional<Values> oldValues() {
    return Optional.ofNullable(oldValues);
  }

  Optional<Values> newValues() {
    return Optional.ofNullable(kind == Kind.IN_PLACE ? oldValues : newValues);
  }

  Optional<String> touch() {
    return Optional.ofNullable(touch);
  }

  boolean writtenByTrigger() {
    return writtenByTrigger;
  }

  Optional<Refusal> refusal() {
    return Optional.ofNullable(refusal);
  }

  @Override
  public String toString() {
    return id;
  }
}
