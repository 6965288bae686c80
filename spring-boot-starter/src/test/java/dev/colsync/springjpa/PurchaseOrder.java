package dev.colsync.springjpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An order as version N maps it: the amount in cents, the column the migration adds. */
@Entity
@Table(name = "orders", schema = "public")
public class PurchaseOrder {
  @Id
  private Long id;

  @Column(name = "amount_cents")
  private Long amountCents;

  protected PurchaseOrder() {}

  public PurchaseOrder(Long id, Long amountCents) {
    this.id = id;
    this.amountCents = amountCents;
  }

  public Long getId() {
    return id;
  }

  public Long getAmountCents() {
    return amountCents;
  }
}
