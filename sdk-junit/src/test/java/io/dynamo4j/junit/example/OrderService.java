package io.dynamo4j.junit.example;

import static io.dynamo4j.expr.ConditionExpression.attributeNotExists;
import static io.dynamo4j.expr.ConditionExpression.ge;
import static io.dynamo4j.model.AttributeValue.n;
import static io.dynamo4j.model.AttributeValue.s;

import io.dynamo4j.DynamoClient;
import io.dynamo4j.expr.AttributePath;
import io.dynamo4j.expr.SetValue;
import io.dynamo4j.expr.UpdateExpression;
import io.dynamo4j.mapper.MappedTable;
import io.dynamo4j.mapper.Mapper;
import io.dynamo4j.mapper.TransactWrite;
import io.dynamo4j.mapper.TransactionFailedException;
import java.time.Duration;

/**
 * The application code under test in the example: places orders (the order and the stock change
 * in one transaction, retried when it meets another transaction) and takes payments.
 */
public final class OrderService {

  /** There is not enough of a product in stock. */
  public static final class OutOfStockException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutOfStockException(String sku) {
      super("Not enough " + sku + " in stock");
    }
  }

  static final Duration UNPAID_LIFETIME = Duration.ofDays(1);
  static final int ATTEMPTS = 3;
  private static final AttributePath STOCK = AttributePath.of("stock");

  private final DynamoClient client;
  private final Mapper mapper;
  private final MappedTable<ShopOrder> orders;
  private final MappedTable<Product> products;

  public OrderService(DynamoClient client, Mapper mapper) {
    this.client = client;
    this.mapper = mapper;
    this.orders = mapper.table(client, ShopOrder.class);
    this.products = mapper.table(client, Product.class);
  }

  /** Places an order: records it and takes the quantity from stock, or neither. */
  public ShopOrder place(String orderId, String sku, long quantity) {
    ShopOrder order = new ShopOrder(orderId, sku, quantity, "PLACED", null,
        mapper.clock().instant().plus(UNPAID_LIFETIME));
    for (int attempt = 1; ; attempt++) {
      try {
        TransactWrite.with(client)
            .put(orders, order, attributeNotExists(AttributePath.of("id")))
            .update(products, products.schema().key(sku),
                UpdateExpression.empty().set(STOCK, SetValue.minus(STOCK, n(quantity))), ge(STOCK, n(quantity)))
            .execute();
        return orders.get(orderId);
      } catch (TransactionFailedException e) {
        boolean conflict = e.failures().stream().anyMatch(f -> f.code().equals("TransactionConflict"));
        if (conflict && attempt < ATTEMPTS) {
          continue;
        }
        if (e.failures().stream().anyMatch(f -> f.index() == 1 && f.code().equals("ConditionalCheckFailed"))) {
          throw new OutOfStockException(sku);
        }
        throw e;
      }
    }
  }

  /** Marks an order paid; a paid order no longer expires. */
  public void pay(String orderId) {
    orders.update(orders.schema().key(orderId),
        UpdateExpression.empty().set(AttributePath.of("status"), s("PAID")).remove(AttributePath.of("expires")));
  }
}
