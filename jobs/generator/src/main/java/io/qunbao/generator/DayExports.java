package io.qunbao.generator;

import io.qunbao.common.Source;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The exports of one day: the chat files, and the orders and scans files, each written in the style of
 * that day's tool. Styles differ by day so that one inbox holds every form exports.md allows:
 * <ul>
 *   <li>day 1: orders in UTF-8 with a byte-order mark, amounts with thousands separators; scans with
 *       ISO-8601 offsets;
 *   <li>day 2: orders in GB18030 from Excel (Chinese headers and status labels, CRLF, another column
 *       order, a remark column with quotes, commas and line breaks); scans with Chinese headers;
 *   <li>day 3: orders gzip-compressed; scans gzip-compressed every fourth day from day 3;
 *   <li>day 4: orders with capitalized status codes ({@code Paid}) and multi-line remarks;
 *   <li>chat gzip-compressed every third day from day 1; with extra fields the contract ignores
 *       ({@code action}, an {@code ext} object) every fourth day from day 2; chat time stamps mostly {@code yyyy-MM-dd HH:mm:ss},
 *       mostly ISO-8601 with offset every fifth day from day 3, and any form in about one row of eight.
 * </ul>
 * Day numbers count from 0, the start date.
 */
final class DayExports implements Closeable {
  /** What an export leaves to the next one: late rows and the overlap it repeats. */
  record Carry(List<ChatRow> lateChat, List<ChatRow> repeatedChat, List<OrderBook.Row> repeatedOrders,
      List<ScanRow> repeatedScans) {
    static final Carry NONE = new Carry(List.of(), List.of(), List.of(), List.of());
  }

  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final TimeForm[] ALL_FORMS = TimeForm.values();
  private static final double OTHER_FORM_SHARE = 0.12;
  /** Chat rows handed to the background writer at once. */
  private static final int CHAT_BATCH = 4096;
  /** The next orders/scans export repeats the rows of this last stretch of the day. */
  private static final long CSV_OVERLAP_SECONDS = 3600;
  private static final String[] REMARKS = {
      "送货前请电话联系, 谢谢", "放门口就行", "客户说\"尽快发货\"", "周末送货\n不要打电话", "发票抬头: 个人",
      "团购价, 群内专享", "赠品: 试用装×2"};

  private static final CsvSourceExport.BadRowFields ORDER_BAD_FIELDS = new CsvSourceExport.BadRowFields(
      List.of(Columns.Order.ORDER_ID, Columns.Order.BUYER_ID, Columns.Order.AMOUNT, Columns.Order.STATUS,
          Columns.Order.UPDATED_AT),
      List.of(Columns.Order.ORDER_ID, Columns.Order.BUYER_ID, Columns.Order.GROUP_ID),
      List.of(Columns.Order.PAID_AT, Columns.Order.UPDATED_AT),
      Columns.Order.AMOUNT, Columns.Order.STATUS, null, Columns.Order.BUYER_ID);
  static final List<RejectClass> ORDER_BAD_KINDS = List.of(RejectClass.BAD_AMOUNT, RejectClass.MISSING_FIELD,
      RejectClass.UNKNOWN_STATUS, RejectClass.BAD_TIMESTAMP, RejectClass.MANGLED_ID, RejectClass.BROKEN_CSV,
      RejectClass.BAD_ENCODING);
  private static final CsvSourceExport.BadRowFields SCAN_BAD_FIELDS = new CsvSourceExport.BadRowFields(
      List.of(Columns.Scan.SCAN_ID, Columns.Scan.SCANNED_AT, Columns.Scan.CODE_ID, Columns.Scan.SCANNER_ID,
          Columns.Scan.GROUP_ID),
      List.of(Columns.Scan.SCAN_ID, Columns.Scan.SCANNER_ID, Columns.Scan.GROUP_ID),
      List.of(Columns.Scan.SCANNED_AT), null, null, null, Columns.Scan.CHANNEL);
  static final List<RejectClass> SCAN_BAD_KINDS = List.of(RejectClass.MISSING_FIELD, RejectClass.BAD_TIMESTAMP,
      RejectClass.MANGLED_ID, RejectClass.BROKEN_CSV, RejectClass.BAD_ENCODING);

  /** How the day's order tool writes. */
  private record OrderStyle(CsvExport.Style file, String fileStem, List<CsvColumn> layout, boolean chineseLabels,
      boolean capitalizedStatus, boolean thousandsSeparator, boolean remarks) {}

  private final Path inbox;
  private final LocalDate day;
  private final int dayIndex;
  private final Clock clock;
  private final RejectLedger ledger;
  private final Map<Source, BadRowBudget> budgets;
  private final Map<Source, ExportTally> tallies;
  private final SplittableRandom random;
  private final ChatExport chat;
  private final BackgroundWriter writer;
  /** Chat rows and their event times not yet handed to the writer. */
  private ChatRow[] chatBatch = new ChatRow[CHAT_BATCH];
  private long[] chatTimes = new long[CHAT_BATCH];
  private int chatBatchSize;
  private final TimeForm chatMainForm;
  private final OrderStyle orderStyle;
  private final long csvOverlapFrom;
  private final boolean hasNextExport;
  private CsvSourceExport orders;
  private CsvSourceExport scans;
  private final List<OrderBook.Row> ordersForNextExport = new ArrayList<>();
  private final List<ScanRow> scansForNextExport = new ArrayList<>();

  DayExports(Path inbox, LocalDate day, int dayIndex, boolean hasNextExport, Clock clock, RejectLedger ledger,
      Map<Source, BadRowBudget> budgets, Map<Source, ExportTally> tallies, SplittableRandom random,
      BackgroundWriter writer, Supplier<String> badMessageIds) {
    this.inbox = inbox;
    this.day = day;
    this.dayIndex = dayIndex;
    this.hasNextExport = hasNextExport;
    this.clock = clock;
    this.ledger = ledger;
    this.budgets = budgets;
    this.tallies = tallies;
    this.random = random;
    this.writer = writer;
    this.chatMainForm = dayIndex % 5 == 3 ? TimeForm.ISO_OFFSET : TimeForm.LOCAL_SPACE;
    this.orderStyle = orderStyle(dayIndex);
    this.csvOverlapFrom = clock.startOf(day.plusDays(1)) - CSV_OVERLAP_SECONDS;
    this.chat = new ChatExport(inbox, day, dayIndex % 3 == 1, dayIndex % 4 == 2, hasNextExport,
        clock.forAnotherThread(), ledger, budgets.get(Source.CHAT), random.split(), badMessageIds,
        tallies.get(Source.CHAT));
  }

  /** Writes first what the previous export left: late chat rows and the overlap this export repeats. */
  void carryIn(Carry carry) {
    writer.submit(() -> chat.carryIn(carry.lateChat(), carry.repeatedChat()));
    for (OrderBook.Row row : carry.repeatedOrders()) {
      orders().writeRepeated(orderValues(row));
    }
    for (ScanRow row : carry.repeatedScans()) {
      scans().writeRepeated(scanValues(row));
    }
  }

  /** The time stamp form of the next chat row: the day's usual one, sometimes any other. */
  TimeForm chatForm(SplittableRandom r) {
    return Draw.chance(r, OTHER_FORM_SHARE) ? ALL_FORMS[r.nextInt(ALL_FORMS.length)] : chatMainForm;
  }

  /** A chat row about an event at {@code time}; written in the background, in the order given. */
  void chat(ChatRow row, long time) {
    chatBatch[chatBatchSize] = row;
    chatTimes[chatBatchSize] = time;
    if (++chatBatchSize == CHAT_BATCH) {
      handOverChat();
    }
  }

  private void handOverChat() {
    if (chatBatchSize == 0) {
      return;
    }
    ChatRow[] rows = chatBatch;
    long[] times = chatTimes;
    int size = chatBatchSize;
    writer.submit(() -> {
      for (int i = 0; i < size; i++) {
        chat.add(rows[i], times[i]);
      }
    });
    chatBatch = new ChatRow[CHAT_BATCH];
    chatTimes = new long[CHAT_BATCH];
    chatBatchSize = 0;
  }

  void scan(ScanRow row) {
    scans().write(scanValues(row), row.time());
    if (hasNextExport && row.time() >= csvOverlapFrom) {
      scansForNextExport.add(row);
    }
  }

  /** The day's order rows: new orders and status changes (late ones of earlier days included). */
  void orders(List<OrderBook.Row> rows) {
    for (OrderBook.Row row : rows) {
      if (row.late()) {
        orders().writeLate(orderValues(row));
      } else {
        orders().write(orderValues(row), row.updatedAt());
      }
      if (hasNextExport && row.updatedAt() >= csvOverlapFrom) {
        ordersForNextExport.add(row);
      }
    }
  }

  /** What the next export must carry; call after the day is written (waits for the chat writer). */
  Carry carryOut() {
    handOverChat();
    writer.drain();
    return new Carry(chat.lateForNextExport(), chat.overlapForNextExport(), ordersForNextExport, scansForNextExport);
  }

  private CsvSourceExport orders() {
    if (orders == null) {
      String file = Source.ORDERS.id() + "/" + day + "/" + orderStyle.fileStem()
          + day.format(DateTimeFormatter.BASIC_ISO_DATE) + orderStyle.file().extension();
      orders = open(Source.ORDERS, file, orderStyle.layout(), orderStyle.file(), ORDER_BAD_FIELDS);
    }
    return orders;
  }

  private CsvSourceExport scans() {
    if (scans == null) {
      CsvExport.Style style = new CsvExport.Style(StandardCharsets.UTF_8, false, dayIndex % 4 == 3, false,
          dayIndex == 2);
      String file = Source.SCANS.id() + "/" + day + "/live_code_scans_"
          + day.format(DateTimeFormatter.BASIC_ISO_DATE) + style.extension();
      scans = open(Source.SCANS, file, Columns.Scan.ALL, style, SCAN_BAD_FIELDS);
    }
    return scans;
  }

  private CsvSourceExport open(Source source, String file, List<CsvColumn> layout, CsvExport.Style style,
      CsvSourceExport.BadRowFields badFields) {
    try {
      return new CsvSourceExport(source, day, new CsvExport(inbox, file, layout, style), budgets.get(source),
          badFields, clock, random.split(), ledger, tallies.get(source));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
  }

  private static OrderStyle orderStyle(int dayIndex) {
    List<CsvColumn> canonical = Columns.Order.ALL.subList(0, Columns.Order.ALL.size() - 1);
    return switch (dayIndex) {
      case 1 -> new OrderStyle(new CsvExport.Style(StandardCharsets.UTF_8, true, false, false, false),
          "orders_", canonical, false, false, true, false);
      case 2 -> new OrderStyle(new CsvExport.Style(GB18030, false, false, true, true), "订单导出_",
          List.of(Columns.Order.STATUS, Columns.Order.ORDER_ID, Columns.Order.AMOUNT, Columns.Order.BUYER_ID,
              Columns.Order.GROUP_ID, Columns.Order.UPDATED_AT, Columns.Order.PAID_AT, Columns.Order.REMARK),
          true, false, false, true);
      case 3 -> new OrderStyle(CsvExport.Style.PLAIN.gzipped(), "orders_", canonical, false, false, false, false);
      case 4 -> new OrderStyle(CsvExport.Style.PLAIN, "orders_",
          List.of(Columns.Order.ORDER_ID, Columns.Order.STATUS, Columns.Order.BUYER_ID, Columns.Order.AMOUNT,
              Columns.Order.PAID_AT, Columns.Order.UPDATED_AT, Columns.Order.GROUP_ID, Columns.Order.REMARK),
          false, true, true, true);
      default -> new OrderStyle(CsvExport.Style.PLAIN, "orders_", canonical, false, false, false, false);
    };
  }

  private String[] orderValues(OrderBook.Row row) {
    OrderStyle style = orderStyle;
    TimeForm form = csvForm(TimeForm.LOCAL_SPACE);
    String[] v = new String[Columns.Order.ALL.size()];
    v[Columns.Order.ORDER_ID.index()] = row.orderId();
    v[Columns.Order.BUYER_ID.index()] = row.buyerId();
    v[Columns.Order.PAID_AT.index()] = row.paidAt() < 0 ? "" : clock.format(row.paidAt(), form);
    v[Columns.Order.AMOUNT.index()] = amount(row.amountFen(), style.thousandsSeparator());
    v[Columns.Order.STATUS.index()] = style.chineseLabels() ? row.status().label()
        : style.capitalizedStatus() ? capitalized(row.status().code()) : row.status().code();
    v[Columns.Order.GROUP_ID.index()] = row.groupId() == null ? "" : row.groupId();
    v[Columns.Order.UPDATED_AT.index()] = clock.format(row.updatedAt(), form);
    v[Columns.Order.REMARK.index()] = style.remarks() && Draw.chance(random, 0.15) ? Draw.oneOf(random, REMARKS) : "";
    return v;
  }

  private String[] scanValues(ScanRow row) {
    String[] v = new String[Columns.Scan.ALL.size()];
    v[Columns.Scan.SCAN_ID.index()] = row.scanId();
    v[Columns.Scan.SCANNED_AT.index()] = clock.format(row.time(), csvForm(dayIndex == 1 ? TimeForm.ISO_OFFSET
        : TimeForm.LOCAL_SPACE));
    v[Columns.Scan.CODE_ID.index()] = row.codeId();
    v[Columns.Scan.CHANNEL.index()] = row.channel();
    v[Columns.Scan.SCANNER_ID.index()] = row.scannerId();
    v[Columns.Scan.INVITER_ID.index()] = row.inviterId() == null ? "" : row.inviterId();
    v[Columns.Scan.GROUP_ID.index()] = row.groupId();
    return v;
  }

  /** The file's usual form, and now and then another one (a hand-edited or merged export). */
  private TimeForm csvForm(TimeForm usual) {
    return Draw.chance(random, 0.05) ? ALL_FORMS[random.nextInt(ALL_FORMS.length)] : usual;
  }

  /**
   * Yuan with two decimals, sometimes with a currency sign (half- or full-width), with thousands
   * separators in some exports, and now and then without decimals when there are none.
   */
  private String amount(long fen, boolean thousandsSeparator) {
    long yuan = fen / 100;
    long cents = fen % 100;
    String whole = thousandsSeparator ? String.format(Locale.ROOT, "%,d", yuan) : Long.toString(yuan);
    String number = cents == 0 && Draw.chance(random, 0.03) ? whole : whole + String.format(Locale.ROOT, ".%02d", cents);
    double sign = random.nextDouble();
    return sign < 0.08 ? "¥" + number : sign < 0.12 ? "￥" + number : number;
  }

  private static String capitalized(String code) {
    return Character.toUpperCase(code.charAt(0)) + code.substring(1);
  }

  @Override
  public void close() throws IOException {
    handOverChat();
    writer.submit(() -> {
      try {
        chat.close();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot close a chat export of " + day, e);
      }
    });
    writer.drain();
    if (orders != null) {
      orders.close();
    }
    if (scans != null) {
      scans.close();
    }
  }
}
