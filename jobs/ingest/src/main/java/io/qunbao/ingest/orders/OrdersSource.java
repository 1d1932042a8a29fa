package io.qunbao.ingest.orders;

import io.qunbao.common.Source;
import io.qunbao.ingest.CsvSource;
import io.qunbao.ingest.parse.Amounts;
import io.qunbao.ingest.parse.Column;
import io.qunbao.ingest.parse.CsvRow;
import io.qunbao.ingest.parse.Labels;
import io.qunbao.ingest.parse.RowRejected;
import io.qunbao.ingest.parse.Timestamps;
import io.qunbao.schema.raw.Order;
import java.util.List;

/** orders: new and changed order rows (exports.md, "orders"). */
public final class OrdersSource extends CsvSource<Order> {
  static final Column ORDER_ID = Column.required("order_id", "订单号");
  static final Column BUYER_ID = Column.required("buyer_id", "买家ID");
  static final Column PAID_AT = Column.optional("paid_at", "付款时间");
  static final Column AMOUNT = Column.required("amount", "实付金额");
  static final Column STATUS = Column.required("status", "订单状态");
  static final Column GROUP_ID = Column.optional("group_id", "群ID");
  static final Column UPDATED_AT = Column.required("updated_at", "更新时间");
  private static final List<Column> COLUMNS = List.of(ORDER_ID, BUYER_ID, PAID_AT, AMOUNT, STATUS, GROUP_ID, UPDATED_AT);

  public OrdersSource(String configuredEncoding, Timestamps timestamps) {
    super(Source.ORDERS.id(), Order::new, COLUMNS, Order::getUpdatedAt, configuredEncoding, timestamps);
  }

  @Override
  protected Order toRow(CsvRow row, String file, long line) throws RowRejected {
    return new Order(
        id(row, ORDER_ID),
        id(row, BUYER_ID),
        optionalInstant(row, PAID_AT),
        Amounts.parse(AMOUNT.name(), row.require(AMOUNT)),
        Labels.status(row.require(STATUS)),
        optionalId(row, GROUP_ID),
        instant(row, UPDATED_AT),
        file,
        line);
  }
}
