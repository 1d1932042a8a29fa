package io.qunbao.generator;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Orders and their life: pending, paid, shipped, completed, refunded or cancelled. Each status change
 * is a row in the export of the day it happened (a few a day later), so refunds and cancellations
 * arrive days after the purchase.
 */
final class OrderBook {
  enum Status {
    PAID("paid", "已付款"),
    SHIPPED("shipped", "已发货"),
    COMPLETED("completed", "已完成"),
    REFUNDED("refunded", "已退款"),
    CANCELLED("cancelled", "已取消"),
    PENDING("pending", "待付款");

    private final String code;
    private final String label;

    Status(String code, String label) {
      this.code = code;
      this.label = label;
    }

    String code() {
      return code;
    }

    String label() {
      return label;
    }
  }

  /** One order row; {@code paidAt} is -1 while unpaid, {@code groupId} null when untagged. */
  record Row(String orderId, String buyerId, long paidAt, long amountFen, Status status, String groupId,
      long updatedAt, boolean late) {}

  private static final long MINUTE = 60;
  private static final long HOUR = 3600;
  private static final long DAY = 86400;
  /** Share of rows that reach only the export of the day after their update. */
  static final double LATE_SHARE = 0.03;

  private final Clock clock;
  private final LocalDate lastExportDate;
  private final TreeMap<LocalDate, List<Row>> due = new TreeMap<>();
  /** The export being written: a row of an earlier day (a pending row before midnight) goes late into it. */
  private LocalDate today;
  private long sequence;
  private long purchases;

  OrderBook(Clock clock, LocalDate lastExportDate) {
    this.clock = clock;
    this.lastExportDate = lastExportDate;
  }

  /**
   * A customer buys at {@code time}: schedules every row of the order's life. Some orders wait unpaid
   * first (and some of those are never paid); a few paid ones are cancelled or refunded later.
   */
  void buy(long time, String buyerId, String groupId, long amountFen, SplittableRandom random) {
    purchases++;
    String orderId = clock.dayOf(time).format(DateTimeFormatter.BASIC_ISO_DATE) + String.format("%08d", ++sequence);
    if (Draw.chance(random, 0.08)) {
      long createdAt = time - MINUTE - random.nextLong(30 * MINUTE);
      schedule(new Row(orderId, buyerId, -1, amountFen, Status.PENDING, groupId, createdAt, false), random);
      if (Draw.chance(random, 0.25)) {
        long gaveUp = createdAt + 30 * MINUTE + random.nextLong(20 * HOUR);
        schedule(new Row(orderId, buyerId, -1, amountFen, Status.CANCELLED, groupId, gaveUp, false), random);
        return;
      }
    }
    schedule(new Row(orderId, buyerId, time, amountFen, Status.PAID, groupId, time, false), random);
    if (Draw.chance(random, 0.02)) {
      long cancelled = time + 10 * MINUTE + random.nextLong(12 * HOUR);
      schedule(new Row(orderId, buyerId, time, amountFen, Status.CANCELLED, groupId, cancelled, false), random);
      return;
    }
    long shipped = time + 6 * HOUR + random.nextLong(42 * HOUR);
    if (Draw.chance(random, 0.06)) {
      long refunded = time + DAY + random.nextLong(9 * DAY);
      if (refunded > shipped) {
        schedule(new Row(orderId, buyerId, time, amountFen, Status.SHIPPED, groupId, shipped, false), random);
      }
      schedule(new Row(orderId, buyerId, time, amountFen, Status.REFUNDED, groupId, refunded, false), random);
      return;
    }
    schedule(new Row(orderId, buyerId, time, amountFen, Status.SHIPPED, groupId, shipped, false), random);
    if (Draw.chance(random, 0.8)) {
      long completed = shipped + 3 * DAY + random.nextLong(4 * DAY);
      schedule(new Row(orderId, buyerId, time, amountFen, Status.COMPLETED, groupId, completed, false), random);
    }
  }

  void startDay(LocalDate day) {
    today = day;
  }

  /** The rows of today's export, removed from the schedule. */
  List<Row> takeDueToday() {
    List<Row> rows = due.remove(today);
    return rows == null ? List.of() : rows;
  }

  long purchases() {
    return purchases;
  }

  private void schedule(Row row, SplittableRandom random) {
    LocalDate exportDate = clock.dayOf(row.updatedAt());
    boolean late = Draw.chance(random, LATE_SHARE) || exportDate.isBefore(today);
    if (late) {
      exportDate = exportDate.isBefore(today) ? today : exportDate.plusDays(1);
      row = new Row(row.orderId(), row.buyerId(), row.paidAt(), row.amountFen(), row.status(), row.groupId(),
          row.updatedAt(), true);
    }
    if (!exportDate.isAfter(lastExportDate)) {
      due.computeIfAbsent(exportDate, d -> new ArrayList<>()).add(row);
    }
  }
}
