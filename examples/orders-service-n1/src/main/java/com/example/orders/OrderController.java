package com.example.orders;

import java.math.BigDecimal;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The service's API, the same in both versions: amounts in cents, whatever the table holds. */
@RestController
@RequestMapping("/orders")
public class OrderController {
  /** An order as the API shows it. */
  public record OrderBody(Long id, long amountCents) {}

  private final PurchaseOrders orders;

  public OrderController(PurchaseOrders orders) {
    this.orders = orders;
  }

  @PostMapping
  public OrderBody create(@RequestBody OrderBody body) {
    return show(orders.save(new PurchaseOrder(dollars(body.amountCents()))));
  }

  @PutMapping("/{id}")
  @Transactional
  public ResponseEntity<OrderBody> update(@PathVariable long id, @RequestBody OrderBody body) {
    return orders.findById(id).map(order -> {
      order.setAmount(dollars(body.amountCents()));
      return ResponseEntity.ok(show(order));
    }).orElse(ResponseEntity.notFound().build());
  }

  @GetMapping("/{id}")
  public ResponseEntity<OrderBody> find(@PathVariable long id) {
    return orders.findById(id).map(order -> ResponseEntity.ok(show(order)))
        .orElse(ResponseEntity.notFound().build());
  }

  private static BigDecimal dollars(long cents) {
    return BigDecimal.valueOf(cents, 2);
  }

  private static OrderBody show(PurchaseOrder order) {
    return new OrderBody(order.getId(), order.getAmount().movePointRight(2).longValueExact());
  }
}
