package dev.colsync.springjpa;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/** Derived and JPQL queries over the new column. */
public interface PurchaseOrders extends JpaRepository<PurchaseOrder, Long> {
  List<PurchaseOrder> findTop3ByAmountCentsGreaterThanEqualOrderByAmountCentsDesc(Long cents);

  @Query("select o.amountCents from PurchaseOrder o join PurchaseOrder next on next.id = o.id + 1"
      + " where o.amountCents >= :cents order by o.amountCents desc limit 3")
  List<Long> topCentsWithANextOrder(@Param("cents") Long cents);

  @Query("select max(o.amountCents), count(distinct o.amountCents) from PurchaseOrder o group by o.id / 1000")
  List<Object[]> highestAndDistinctCents();
}
