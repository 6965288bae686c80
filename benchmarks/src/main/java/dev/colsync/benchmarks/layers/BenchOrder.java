package dev.colsync.benchmarks.layers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** (6) An order as the version N application maps it: the new column, {@code amount_cents}, and no other. */
@Entity
@Table(name = "bench_orders")
public class BenchOrder {
  @Id
  private Long id;

  private String customer;

  private String status;

  @Column(name = "placed_at")
  private OffsetDateTime placedAt;

  @Column(name = "amount_cents")
  private Long amountCents;

  protected BenchOrder() {}

  public Long amountCents() {
    return amountCents;
  }
}
