package io.fiberize.apps.spring;

import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

/**
 * Answer {@code GET /orders/<id>} with the order's row from the database and its item's price from the
 * downstream service, as JSON; 404 for an order that is not there.
 */
@RestController
class OrderController {

    private final JdbcTemplate jdbc;
    private final RestClient prices;

    OrderController(JdbcTemplate jdbc, RestClient prices) {
        this.jdbc = jdbc;
        this.prices = prices;
    }

    @GetMapping("/orders/{id}")
    ResponseEntity<PricedOrder> order(@PathVariable long id) {
        List<Order> rows = jdbc.query("select id, customer, item, quantity from orders where id = ?",
                (row, n) -> new Order(row.getLong("id"), row.getString("customer"), row.getString("item"),
                        row.getInt("quantity")), id);
        if (rows.isEmpty()) {
            return ResponseEntity.notFound().build();
        }
        Order order = rows.get(0);
        Price price = prices.get().uri("/prices/{item}", order.item()).retrieve().body(Price.class);
        return ResponseEntity.ok(new PricedOrder(order.id(), order.customer(), order.item(), order.quantity(),
                price.unitCents(), order.quantity() * price.unitCents()));
    }

    /** One row of {@code orders}. */
    record Order(long id, String customer, String item, int quantity) {
    }

    /** The downstream's answer for one item. */
    record Price(String item, long unitCents) {
    }

    /** The answer: the order with its unit price and total. */
    record PricedOrder(long id, String customer, String item, int quantity, long unitCents, long totalCents) {
    }
}
