package com.example.orders;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An order as version N maps it: the amount in cents, the new column {@code amount_cents}. Until the flag is NEW,
 * colsync's statement inspector makes Hibernate's reads of it select {@code up(amount)}; writes name it, and the
 * sync trigger carries them to {@code amount} for version N-1.
 */
@Entity
@Table(name = "orders")
public class PurchaseOrder {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "amount_cents", nullable = false)
  private long amountCents;

  protected PurchaseOrder() {}

  public PurchaseOrder(long amountCents) {
    this.amountCents = amountCents;
  }

  public Long getId() {
    return id;
  }

  public long getAmountCents() {
    return amountCents;
  }

  public void setAmountCents(long amountCents) {
    this.amountCents = amountCents;
  }
}
