package dev.colsync.runtime.shim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.colsync.runtime.flag.ReadPath;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadRewriterTest {
  private static final String UP = "\"public\".\"colsync_orders_amount_cents_to_new\"(\u0000.\"amount\")";

  /** A shim of public.orders (amount numeric -> amount_cents bigint) whose path the test sets. */
  private static final class OrdersShim implements Shim<Long> {
    ReadPath path = ReadPath.OLD;
    final AtomicInteger reads = new AtomicInteger();

    @Override
    public String migration() {
      return "orders_amount_cents";
    }

    @Override
    public ReadPath readPath() {
      reads.incrementAndGet();
      return path;
    }

    @Override
    public QualifiedFragments fragments() {
      return new QualifiedFragments(new PathSql(UP, UP, "\u0000.\"amount_cents\""),
          new PathSql("", "compare(\u0000)", ""));
    }

    @Override
    public ColumnType<Long> columnType() {
      return ColumnType.BIGINT;
    }

    final java.util.List<ShadowOutcome> reported = new java.util.ArrayList<>();

    @Override
    public void reportShadow(ShadowOutcome outcome) {
      reported.add(outcome);
    }

    @Override
    public String schemaName() {
      return "public";
    }

    @Override
    public String tableName() {
      return "orders";
    }

    @Override
    public String newColumnName() {
      return "amount_cents";
    }
  }

  private final OrdersShim shim = new OrdersShim();
  private final ReadRewriter rewriter = new ReadRewriter(List.of(ReadRewriter.target(shim)));

  private static String up(String alias) {
    return UP.replace("\u0000", "\"" + alias + "\"");
  }

  @Test
  void onOldEveryReadOfTheNewColumnReadsUpOfTheOldOneWithTheFlagReadOnce() {
    String sql = "select o1_0.id,o1_0.amount_cents from orders o1_0 where o1_0.amount_cents>=? order by"
        + " o1_0.amount_cents desc";

    assertThat(rewriter.rewrite(sql)).isEqualTo("select o1_0.id," + up("o1_0") + " from orders o1_0 where "
        + up("o1_0") + ">=? order by " + up("o1_0") + " desc");
    assertThat(shim.reads).hasValue(1);
  }

  @Test
  void aStatementSentAgainIsRewrittenForThePathOfTheMoment() {
    String sql = "select o1_0.amount_cents from orders o1_0";
    assertThat(rewriter.rewrite(sql)).isEqualTo("select " + up("o1_0") + " from orders o1_0");
    shim.path = ReadPath.NEW;
    assertThat(rewriter.rewrite(sql)).isSameAs(sql);
    shim.path = ReadPath.OLD;
    assertThat(rewriter.rewrite(sql)).isEqualTo("select " + up("o1_0") + " from orders o1_0");
    assertThat(shim.reads).hasValue(3);
  }

  @Test
  void onNewTheStatementIsLeftAsItIs() {
    shim.path = ReadPath.NEW;
    String sql = "select o1_0.amount_cents from orders o1_0";
    assertThat(rewriter.rewrite(sql)).isSameAs(sql);
  }

  @Test
  void onShadowTheValueReadIsWhatOldReadsAndTheSelectListEndsWithTheComparison() {
    shim.path = ReadPath.SHADOW;
    assertThat(rewriter.rewrite("select o.amount_cents from public.orders as o where o.amount_cents > ?"))
        .isEqualTo("select " + up("o") + " , compare(\"o\") AS \"colsync_shadow_0_1\" from public.orders as o where "
            + up("o") + " > ?");
    assertThat(rewriter.rewrite("select count(*) from public.orders as o where o.amount_cents > ?"))
        .as("no comparison without a read in the select list")
        .isEqualTo("select count(*) from public.orders as o where " + up("o") + " > ?");
    assertThat(ReadRewriter.comparesShadows(rewriter.rewrite("select o.amount_cents from orders o"))).isTrue();
  }

  @Test
  void onShadowAStatementThatGroupsOrCombinesRowsReadsOldsValueUncompared() {
    shim.path = ReadPath.SHADOW;
    for (String sql : List.of(
        "select max(o.amount_cents) from orders o",
        "select o.amount_cents,count(*) from orders o group by o.amount_cents",
        "select distinct o.amount_cents from orders o",
        "select o.amount_cents from orders o union select p.amount_cents from orders p",
        "select o.amount_cents, sum(o.id) over (order by o.id) from orders o",
        "select coalesce(o.amount_cents, 0) from orders o")) {
      String rewritten = rewriter.rewrite(sql);
      assertThat(rewritten).as(sql).doesNotContain("compare(").doesNotContain(".amount_cents").contains(up("o"));
      assertThat(ReadRewriter.comparesShadows(rewritten)).isFalse();
    }
    assertThat(rewriter.rewrite("select o.id,o.amount_cents from orders o where o.id in (select p.id from orders p"
        + " group by p.id)")).as("grouping inside a subquery leaves the outer rows as they are")
        .contains("compare(\"o\")");
  }

  @Test
  void writesAreNeverRewritten() {
    for (String write : List.of("insert into orders (amount_cents,id) values (?,?)",
        "update orders set amount_cents=? where id=?", "delete from orders o where o.amount_cents=?")) {
      assertThat(rewriter.rewrite(write)).isSameAs(write);
    }
    assertThat(shim.reads).hasValue(0);
  }

  @Test
  void everyAliasOfTheTableAndOnlyItsOwnColumns() {
    String sql = "select o1_0.amount_cents,o2_0.amount_cents,c1_0.amount_cents from orders o1_0 join orders o2_0"
        + " on o2_0.id=o1_0.id+1, customers c1_0 where c1_0.id=o1_0.id and 'o1_0.amount_cents' <> ''";

    assertThat(rewriter.rewrite(sql)).isEqualTo("select " + up("o1_0") + "," + up("o2_0") + ",c1_0.amount_cents"
        + " from orders o1_0 join orders o2_0 on o2_0.id=o1_0.id+1, customers c1_0 where c1_0.id=o1_0.id and"
        + " 'o1_0.amount_cents' <> ''");
  }

  @Test
  void aTableWithoutAliasIsReadUnderItsName() {
    assertThat(rewriter.rewrite("SELECT orders.amount_cents FROM orders WHERE orders.id = ?"))
        .isEqualTo("SELECT " + up("orders") + " FROM orders WHERE orders.id = ?");
  }

  @Test
  void aStatementOfOtherTablesIsLeftAloneWithoutReadingTheFlag() {
    String sql = "select c1_0.amount_cents from customers c1_0 where c1_0.name = 'orders o'";
    assertThat(rewriter.rewrite(sql)).isSameAs(sql);
    assertThat(shim.reads).hasValue(0);
  }
}
