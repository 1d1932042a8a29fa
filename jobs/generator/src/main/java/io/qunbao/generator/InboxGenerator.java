package io.qunbao.generator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qunbao.common.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a realistic, deterministic sample inbox in the layout of exports.md: the chat, orders and scans
 * exports of every day, groups and staff snapshots, with late rows, repeated rows, every time stamp
 * form and encoding, and a small share of bad rows. The ground truth of the bad rows goes to
 * {@code <inbox>/_generator/expected_rejects.csv}, a summary to {@code <inbox>/_generator/summary.json}.
 *
 * <pre>{@code
 * GenerationSummary summary = new InboxGenerator(GeneratorOptions.defaults(Path.of("work/inbox"))).generate();
 * }</pre>
 *
 * The same options give byte-identical files. Rows are streamed to disk day by day; memory holds the
 * simulated world (groups, their present members, pending order updates), not the rows.
 */
public final class InboxGenerator {
  public static final String SUMMARY_FILE = "_generator/summary.json";
  public static final String EXPECTED_REJECTS_FILE = RejectLedger.FILE;

  private static final Logger log = LoggerFactory.getLogger(InboxGenerator.class);

  private final GeneratorOptions options;

  public InboxGenerator(GeneratorOptions options) {
    this.options = options;
  }

  /**
   * Generates the inbox. Folders this run writes ({@code <source>/<D>} for its dates and
   * {@code _generator}) are emptied first, so a rerun leaves no stale file; other folders are left alone.
   */
  public GenerationSummary generate() {
    long started = System.nanoTime();
    Path inbox = options.inbox();
    World world = new World(options);
    Map<Source, SortedMap<LocalDate, ExportTally>> tallies = new EnumMap<>(Source.class);
    SplittableRandom random = new SplittableRandom(options.seed() ^ 0x5DEECE66DL);
    try {
      clearOwnFolders(inbox);
      Map<Source, BadRowBudget> budgets = budgets(random);
      AtomicLong badMessageIds = new AtomicLong(9_000_000_000L);
      Map<RejectClass, Long> badRowsByReason;
      try (RejectLedger ledger = new RejectLedger(inbox); BackgroundWriter writer = new BackgroundWriter()) {
        Snapshots snapshots = new Snapshots(inbox, world.clock, ledger, budgets, random.split());
        DayExports.Carry carry = DayExports.Carry.NONE;
        for (int dayIndex = 0; dayIndex < options.days(); dayIndex++) {
          long dayStarted = System.nanoTime();
          LocalDate day = options.startDate().plusDays(dayIndex);
          Map<Source, ExportTally> today = new EnumMap<>(Source.class);
          for (Source source : Source.values()) {
            today.put(source, new ExportTally());
          }
          try (DayExports out = new DayExports(inbox, day, dayIndex, dayIndex + 1 < options.days(), world.clock,
              ledger, budgets, today, random.split(), writer, () -> "m" + badMessageIds.incrementAndGet())) {
            out.carryIn(carry);
            world.live(dayIndex, out);
            carry = out.carryOut();
          }
          snapshots.write(world, dayIndex, day, today);
          ledger.flush();
          today.forEach((source, tally) -> {
            if (!tally.files.isEmpty()) {
              tallies.computeIfAbsent(source, s -> new TreeMap<>()).put(day, tally);
            }
          });
          log.info("generate {}: chat {} rows, orders {}, scans {}, groups {}, staff {} ({} bad) in {} ms", day,
              today.get(Source.CHAT).rows, today.get(Source.ORDERS).rows, today.get(Source.SCANS).rows,
              today.get(Source.GROUPS).rows, today.get(Source.STAFF).rows,
              today.values().stream().mapToLong(t -> t.badRows).sum(), (System.nanoTime() - dayStarted) / 1_000_000);
        }
        badRowsByReason = ledger.countsByReason();
      }
      GenerationSummary summary = new GenerationSummary(options, frozen(tallies), world.groups.size(),
          world.customers.size(), world.orders.purchases(), Collections.unmodifiableMap(badRowsByReason),
          Duration.ofNanos(System.nanoTime() - started));
      writeSummary(inbox, summary);
      log.info("generate: {} rows ({} bad) for {} days into {} in {} ms ({} rows/s)", summary.totalRows(),
          summary.totalBadRows(), options.days(), inbox, summary.elapsed().toMillis(),
          Math.round(summary.rowsPerSecond()));
      return summary;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the inbox " + inbox + ": " + e.getMessage(), e);
    }
  }

  private Map<Source, BadRowBudget> budgets(SplittableRandom random) {
    Map<Source, BadRowBudget> budgets = new EnumMap<>(Source.class);
    budgets.put(Source.CHAT, new BadRowBudget(ChatExport.BAD_KINDS, random.split()));
    budgets.put(Source.ORDERS, new BadRowBudget(DayExports.ORDER_BAD_KINDS, random.split()));
    budgets.put(Source.SCANS, new BadRowBudget(DayExports.SCAN_BAD_KINDS, random.split()));
    budgets.put(Source.GROUPS, new BadRowBudget(Snapshots.GROUP_BAD_KINDS, random.split()));
    budgets.put(Source.STAFF, new BadRowBudget(Snapshots.STAFF_BAD_KINDS, random.split()));
    return budgets;
  }

  private void clearOwnFolders(Path inbox) throws IOException {
    Files.createDirectories(inbox);
    deleteTree(inbox.resolve("_generator"));
    for (Source source : Source.values()) {
      for (int d = 0; d < options.days(); d++) {
        deleteTree(inbox.resolve(source.id()).resolve(options.startDate().plusDays(d).toString()));
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private static Map<Source, SortedMap<LocalDate, ExportCounts>> frozen(
      Map<Source, SortedMap<LocalDate, ExportTally>> tallies) {
    Map<Source, SortedMap<LocalDate, ExportCounts>> out = new EnumMap<>(Source.class);
    tallies.forEach((source, byDay) -> {
      SortedMap<LocalDate, ExportCounts> counts = new TreeMap<>();
      byDay.forEach((day, tally) -> counts.put(day, tally.freeze()));
      out.put(source, Collections.unmodifiableSortedMap(counts));
    });
    return Collections.unmodifiableMap(out);
  }

  /** summary.json: the options and the counts, and nothing that changes from run to run (no timings). */
  private static void writeSummary(Path inbox, GenerationSummary summary) throws IOException {
    GeneratorOptions o = summary.options();
    Map<String, Object> json = new LinkedHashMap<>();
    Map<String, Object> options = new LinkedHashMap<>();
    options.put("seed", o.seed());
    options.put("start_date", o.startDate().toString());
    options.put("days", o.days());
    options.put("groups", o.groups());
    options.put("messages_per_group_per_day", o.messagesPerGroupPerDay());
    options.put("business_zone", o.businessZone().getId());
    json.put("options", options);
    Map<String, Object> world = new LinkedHashMap<>();
    world.put("groups", summary.groups());
    world.put("customers", summary.customers());
    world.put("purchases", summary.purchases());
    json.put("world", world);
    Map<String, Object> totals = new LinkedHashMap<>();
    for (Source source : Source.values()) {
      totals.put(source.id(), Map.of("rows", summary.rows(source), "bad_rows", summary.badRows(source)));
    }
    json.put("totals", totals);
    Map<String, Object> byReason = new LinkedHashMap<>();
    summary.badRowsByReason().forEach((reason, count) -> byReason.put(reason.code(), count));
    json.put("bad_rows_by_reason", byReason);
    Map<String, Object> exports = new LinkedHashMap<>();
    summary.exports().forEach((source, byDay) -> {
      Map<String, Object> days = new LinkedHashMap<>();
      byDay.forEach((day, c) -> {
        Map<String, Object> counts = new LinkedHashMap<>();
        counts.put("rows", c.rows());
        counts.put("bad_rows", c.badRows());
        counts.put("repeated_rows", c.repeatedRows());
        counts.put("late_rows", c.lateRows());
        counts.put("files", List.copyOf(c.files()));
        days.put(day.toString(), counts);
      });
      exports.put(source.id(), days);
    });
    json.put("exports", exports);
    Path file = inbox.resolve(SUMMARY_FILE);
    Files.createDirectories(file.getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValue(file.toFile(), json);
  }
}
