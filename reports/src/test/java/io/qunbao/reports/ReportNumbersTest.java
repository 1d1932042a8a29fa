package io.qunbao.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.qunbao.common.storage.Storage;
import io.qunbao.common.storage.Warehouse;
import io.qunbao.reports.charts.ChartStyle;
import io.qunbao.reports.charts.Series;
import io.qunbao.reports.i18n.CjkFont;
import io.qunbao.reports.i18n.Messages;
import io.qunbao.reports.judge.DayAssessment;
import io.qunbao.reports.model.ReportDataLoader;
import io.qunbao.testkit.DuckDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every number the report prints is the table's number: DuckDB reads the same Parquet tables the
 * report read, and the expected text is formatted here, independently, by the report's stated
 * rules (percent one decimal, thousands separators, ¥ with two decimals, "rate · n of d").
 */
class ReportNumbersTest {
  @TempDir static Path example;
  @TempDir static Path history;
  static final LocalDate HISTORY_DAY = LocalDate.parse("2026-11-20");
  static String exampleLastDay;
  static String exampleFirstDay;
  static String historyPage;

  @BeforeAll
  static void renderReports() throws IOException {
    // Given the spec's example tables and a 30-day history, when their reports are rendered in English
    ReportFixtures.example(example.resolve("warehouse"));
    exampleFirstDay = read(DailyReport.render(ReportSetup.config(example, "en", ""), ReportFixtures.EXAMPLE_FIRST_DAY));
    exampleLastDay = read(DailyReport.render(ReportSetup.config(example, "en", ""), ReportFixtures.EXAMPLE_LAST_DAY));
    ReportFixtures.history(history.resolve("warehouse"), HISTORY_DAY);
    historyPage = read(DailyReport.render(ReportSetup.config(history, "en", ""), HISTORY_DAY));
  }

  @Test
  void headlineCardsPrintTheTypeDailyRowOfTheDay() {
    List<Map<String, Object>> rows = DuckDb.query(
        "SELECT * FROM read_parquet('" + example + "/warehouse/metrics/type_daily/*/*.parquet', hive_partitioning = true)"
            + " WHERE dt = DATE '2026-10-03' AND group_type IS NOT NULL");
    // traffic, camp, vip, unknown exist on 2026-10-03 (example/expected/type_daily.csv)
    assertThat(rows).extracting(r -> r.get("group_type")).containsExactlyInAnyOrder("traffic", "camp", "vip", "unknown");
    Map<String, String> cells = cells(exampleLastDay, "data-type");
    for (Map<String, Object> row : rows) {
      String type = (String) row.get("group_type");
      assertThat(cells.get(type + "/members")).isEqualTo(count(row.get("members")));
      assertThat(cells.get(type + "/reach_rate")).isEqualTo(rate(row.get("reach_rate"), row.get("reached_members"), row.get("members")));
      assertThat(cells.get(type + "/activity_rate")).isEqualTo(rate(row.get("activity_rate"), row.get("active_members"), row.get("members")));
      assertThat(cells.get(type + "/repurchase_rate_30d"))
          .isEqualTo(rate(row.get("repurchase_rate_30d"), row.get("repeat_buyers_30d"), row.get("repurchase_buyers_30d")));
      assertThat(cells.get(type + "/k_factor")).isEqualTo(
          (row.get("k_factor") == null ? "—" : String.format(Locale.ROOT, "%.3f", (Double) row.get("k_factor")))
              + " · " + count(row.get("referred_joins")) + " of " + count(row.get("members")));
      assertThat(cells.get(type + "/gmv")).isEqualTo(String.format(Locale.ROOT, "¥%,.2f", (BigDecimal) row.get("gmv")));
      assertThat(cells.get(type + "/scans")).isEqualTo(count(row.get("scans")));
      assertThat(cells.get(type + "/scan_join_rate")).isEqualTo(rate(row.get("scan_join_rate"), row.get("scan_joins"), row.get("scanners")));
    }
    // Spot check against the CSV itself: traffic 2026-10-03 reached 0 of 4 members, GMV 7.00.
    assertThat(cells.get("traffic/reach_rate")).isEqualTo("0.0% · 0 of 4");
    assertThat(cells.get("traffic/gmv")).isEqualTo("¥7.00");
    // vip has no members: its rates are null in the table and print as a dash, never 0%.
    assertThat(cells.get("vip/reach_rate")).isEqualTo("— · 0 of 0");
  }

  @Test
  void unattributedOrdersArePrintedFromTheirOwnRow() {
    // type_daily 2026-10-01, group_type null: orders 1, gmv 10.00
    Map<String, Object> row = DuckDb.query(
        "SELECT orders, gmv FROM read_parquet('" + example + "/warehouse/metrics/type_daily/*/*.parquet', hive_partitioning = true)"
            + " WHERE dt = DATE '2026-10-01' AND group_type IS NULL").get(0);
    assertThat(exampleFirstDay).contains("Unattributed orders: " + count(row.get("orders")) + ", GMV "
        + String.format(Locale.ROOT, "¥%,.2f", (BigDecimal) row.get("gmv")));
  }

  @Test
  void conversionCardShowsTheLatestFinalCohortAndTheFunnelTheDaysCohort() {
    // With a 7-day window the latest final cohort on 2026-11-20 is 2026-11-13 (C + 7 <= R).
    List<Map<String, Object>> cohorts = DuckDb.query(
        "SELECT group_type, dt, converted, joiners, conversion_rate, is_final FROM read_parquet('" + history
            + "/warehouse/metrics/cohort_conversion/*/*.parquet', hive_partitioning = true) WHERE dt IN (DATE '2026-11-13', DATE '2026-11-20')");
    Map<String, String> cells = cells(historyPage, "data-type");
    for (Map<String, Object> cohort : cohorts) {
      String expected = rate(cohort.get("conversion_rate"), cohort.get("converted"), cohort.get("joiners"));
      String metric = cohort.get("dt").toString().equals("2026-11-13") ? "conversion_rate" : "funnel_converted";
      assertThat(cohort.get("is_final")).isEqualTo(metric.equals("conversion_rate"));
      assertThat(cells.get(cohort.get("group_type") + "/" + metric)).isEqualTo(expected);
    }
    assertThat(cohorts).hasSize(8);
  }

  @Test
  void liveCodesAreRankedByTheLowerBoundOfTheirRateAndTooFewScannersAreNotRanked() {
    // Given the day's codes, read back: those with at least 30 scanners (report.min-scanners) are ranked
    List<Map<String, Object>> channels = DuckDb.query(
        "SELECT code_id, scan_joins, scanners, scan_join_rate FROM read_parquet('" + history
            + "/warehouse/metrics/channel_daily/*/*.parquet', hive_partitioning = true)");
    Map<String, String> cells = cells(historyPage, "data-code");
    Map<String, Double> lowerBounds = new HashMap<>();
    for (Map<String, Object> channel : channels) {
      String code = (String) channel.get("code_id");
      long joins = (Long) channel.get("scan_joins");
      long scanners = (Long) channel.get("scanners");
      if (scanners < 30) {
        assertThat(cells).as(code).doesNotContainKey(code + "/scan_join_rate");
        continue;
      }
      // the Wilson score interval's lower bound at 95% (z = 1.96), worked out here from its formula
      double p = (double) joins / scanners;
      double z = 1.959963984540054;
      double bound = (p + z * z / (2 * scanners) - z * Math.sqrt(p * (1 - p) / scanners + z * z / (4.0 * scanners * scanners)))
          / (1 + z * z / scanners);
      lowerBounds.put(code, bound);
      assertThat(cells.get(code + "/scan_join_rate")).isEqualTo(rate(channel.get("scan_join_rate"), joins, scanners));
      assertThat(cells.get(code + "/lower_bound")).isEqualTo(String.format(Locale.ROOT, "%.1f%%", bound * 100));
    }
    // poster-a (400 of 500, 80%) outranks live-7 (34 of 40, 85%): the same confidence needs more than 40 people
    assertThat(lowerBounds.get("poster-a")).isGreaterThan(lowerBounds.get("live-7"));
    assertThat(historyPage.indexOf("data-code=\"poster-a\"")).isLessThan(historyPage.indexOf("data-code=\"live-7\""));
    assertThat(historyPage.indexOf("data-code=\"live-7\"")).isLessThan(historyPage.indexOf("data-code=\"moments-1\""));
    // solo (1 of 1, 100%) and store-qr (1 of 8) are not ranked; the page says so and the CSV has all five
    assertThat(historyPage).contains("2 more codes had fewer than 30 scanners and are not ranked; see channels.csv.");
    assertThat(csv(history, "channels.csv")).extracting(r -> r.get(1) + "#" + r.get(0))
        .containsExactly("poster-a#1", "live-7#2", "moments-1#3", "solo#", "store-qr#");
  }

  @Test
  void topReferrersAreTheTenWithMostReferredJoins() {
    List<Map<String, Object>> top = DuckDb.query(
        "SELECT referrer_id, referred_joins FROM read_parquet('" + history
            + "/warehouse/metrics/referrer_daily/*/*.parquet', hive_partitioning = true) ORDER BY referred_joins DESC, referrer_id LIMIT 10");
    Map<String, String> cells = cells(historyPage, "data-referrer");
    assertThat(cells).hasSize(10);
    for (Map<String, Object> referrer : top) {
      assertThat(cells.get(referrer.get("referrer_id") + "/referred_joins")).isEqualTo(count(referrer.get("referred_joins")));
    }
    // c11 and c12 (2 and 1 joins) are below the top 10; c01 (12 joins) is listed first.
    assertThat(cells).doesNotContainKeys("c11/referred_joins", "c12/referred_joins");
    assertThat(historyPage.indexOf("data-referrer=\"c01\"")).isLessThan(historyPage.indexOf("data-referrer=\"c02\""));
  }

  @Test
  void referralQualityPrintsEachTypesReferredJoinsGrossAndNetWithTheirDepth() {
    // Given the day's referral_daily rows and the types' members (type_daily), read back
    List<Map<String, Object>> rows = DuckDb.query("""
        SELECT r.*, t.members FROM read_parquet('%1$s/warehouse/metrics/referral_daily/*/*.parquet', hive_partitioning = true) r
        JOIN read_parquet('%1$s/warehouse/metrics/type_daily/*/*.parquet', hive_partitioning = true) t USING (dt, group_type)
        WHERE dt = DATE '%2$s'
        """.formatted(history, HISTORY_DAY));
    assertThat(rows).extracting(r -> r.get("group_type")).containsExactlyInAnyOrder("traffic", "new_user", "camp", "vip");
    Map<String, String> cells = cells(historyPage, "data-referral");
    for (Map<String, Object> row : rows) {
      String type = (String) row.get("group_type");
      long referred = (Long) row.get("referred_joins");
      long net = (Long) row.get("net_referred_joins");
      // net share = net / gross; the net k-factor beside its counts, over the type's members
      assertThat(cells.get(type + "/referred_joins")).isEqualTo(count(referred));
      assertThat(cells.get(type + "/net_referred_joins")).isEqualTo(rate((double) net / referred, net, referred));
      assertThat(cells.get(type + "/quick_quits")).isEqualTo(count(row.get("quick_quits")));
      assertThat(cells.get(type + "/repeat_joins")).isEqualTo(count(row.get("repeat_joins")));
      assertThat(cells.get(type + "/net_k_factor")).isEqualTo(
          String.format(Locale.ROOT, "%.3f", (Double) row.get("net_k_factor")) + " · " + count(net) + " of " + count(row.get("members")));
      assertThat(cells.get(type + "/generations")).isEqualTo(
          count(row.get("gen1_joins")) + " / " + count(row.get("gen2_joins")) + " / " + count(row.get("gen3plus_joins")));
      assertThat(cells.get(type + "/max_depth")).isEqualTo(count(row.get("max_depth")));
    }
    // traffic: 4 referred, 1 quick quit and 2 repeats of which 1 both: 2 net, 50.0%; the day before's row is not shown
    assertThat(cells.get("traffic/net_referred_joins")).isEqualTo("50.0% · 2 of 4");
    assertThat(cells).hasSize(4 * 7);
    // types in the page's order, not the table's; the day is provisional and says so
    assertThat(order(historyPage, "data-referral")).containsExactly("traffic", "new_user", "camp", "vip");
    assertThat(historyPage).contains("(the day, provisional)</h3>", "Provisional: joins of the day are not 24 hours old yet; quick quits and net joins are final once the next day&#39;s exports arrive.");
  }

  @Test
  void campaignsAreRankedByTheLowerBoundOfTheirScanJoinRateWithTheirGroupsFillAndConversion() {
    // Given the day's campaigns read back, those with at least 30 scanners ranked by the Wilson lower
    // bound of their scan join rate (worked out here), more scanners first on a tie
    List<Map<String, Object>> campaigns = DuckDb.query(
        "SELECT * FROM read_parquet('" + history + "/warehouse/metrics/campaign_daily/*/*.parquet', hive_partitioning = true)");
    List<Map<String, Object>> ranked = new ArrayList<>(campaigns.stream().filter(c -> (Long) c.get("scanners") >= 30).toList());
    Map<String, Double> bounds = new HashMap<>();
    ranked.forEach(c -> bounds.put((String) c.get("code_id"), wilson((Long) c.get("scan_joins"), (Long) c.get("scanners"))));
    ranked.sort(java.util.Comparator.comparing((Map<String, Object> c) -> -bounds.get((String) c.get("code_id")))
        .thenComparing(c -> -(Long) c.get("scanners")).thenComparing(c -> (String) c.get("code_id")));
    assertThat(ranked).hasSize(12);
    Map<String, String> cells = cells(historyPage, "data-campaign");
    for (Map<String, Object> c : ranked.subList(0, 10)) {
      String code = (String) c.get("code_id");
      long groups = (Long) c.get("groups");
      long newGroups = (Long) c.get("new_groups");
      assertThat(cells.get(code + "/groups")).isEqualTo(newGroups == 0 ? count(groups) : count(groups) + " (+" + count(newGroups) + ")");
      assertThat(cells.get(code + "/fill")).isEqualTo(count(c.get("full_groups")) + " of " + count(groups));
      assertThat(cells.get(code + "/members")).isEqualTo(count(c.get("members")));
      assertThat(cells.get(code + "/scan_join_rate")).isEqualTo(rate(c.get("scan_join_rate"), c.get("scan_joins"), c.get("scanners")));
      assertThat(cells.get(code + "/lower_bound")).isEqualTo(String.format(Locale.ROOT, "%.1f%%", bounds.get(code) * 100));
      assertThat(cells.get(code + "/conversion_rate")).isEqualTo(rate(c.get("conversion_rate"), c.get("converted"), c.get("joiners")));
      assertThat(cells.get(code + "/gmv_in_window")).isEqualTo(String.format(Locale.ROOT, "¥%,.2f", (BigDecimal) c.get("gmv_in_window")));
    }
    // the page lists the top 10 in that order: big (400 of 500, 80%) above mid (34 of 40, 85%)
    List<String> shown = order(historyPage, "data-campaign");
    assertThat(shown).containsExactlyElementsOf(ranked.subList(0, 10).stream().map(c -> (String) c.get("code_id")).toList());
    assertThat(shown.subList(0, 2)).containsExactly("big", "mid");
    // solo (1 scanner, 100%) and link-only (no scans) are not ranked: the page counts them, the CSV has all 14
    assertThat(shown).doesNotContain("solo", "link-only");
    assertThat(historyPage).contains("and 2 more ranked campaigns; the full list is in campaigns.csv.",
        "2 more codes had fewer than 30 scanners and are not ranked; see campaigns.csv.", "(the day, conversion provisional)</h3>",
        "Conversion and GMV in window are provisional: the 7-day conversion window of these joiners is still open.");
    List<List<String>> csv = csv(history, "campaigns.csv");
    assertThat(csv).hasSize(14);
    assertThat(csv.subList(0, 2)).extracting(r -> r.get(0) + "#" + r.get(1)).containsExactly("1#big", "2#mid");
    assertThat(csv.subList(12, 14)).extracting(r -> r.get(1) + "#" + r.get(0)).containsExactlyInAnyOrder("solo#", "link-only#");
  }

  @Test
  void ownersAreRankedByGmvThenReachRateWithTheirDeadGroups() {
    // Given the day's owners read back, ranked by GMV, then reach rate (owners without members last), then members
    String owners = "read_parquet('" + history + "/warehouse/metrics/owner_daily/*/*.parquet', hive_partitioning = true)";
    List<Map<String, Object>> ranked = DuckDb.query(
        "SELECT * FROM " + owners + " ORDER BY gmv DESC, reach_rate DESC NULLS LAST, members DESC, owner_id");
    Map<String, String> cells = cells(historyPage, "data-owner");
    for (Map<String, Object> o : ranked.subList(0, 10)) {
      String id = (String) o.get("owner_id");
      assertThat(cells.get(id + "/groups")).isEqualTo(count(o.get("groups")));
      assertThat(cells.get(id + "/members")).isEqualTo(count(o.get("members")));
      assertThat(cells.get(id + "/reach_rate")).isEqualTo(rate(o.get("reach_rate"), o.get("reached_members"), o.get("members")));
      assertThat(cells.get(id + "/activity_rate")).isEqualTo(rate(o.get("activity_rate"), o.get("active_members"), o.get("members")));
      assertThat(cells.get(id + "/gmv")).isEqualTo(String.format(Locale.ROOT, "¥%,.2f", (BigDecimal) o.get("gmv")));
      assertThat(cells.get(id + "/dead_groups")).isEqualTo(count(o.get("dead_groups")));
    }
    assertThat(order(historyPage, "data-owner")).containsExactlyElementsOf(ranked.subList(0, 10).stream().map(o -> (String) o.get("owner_id")).toList());
    // owner-camp and owner-traffic sold ¥900.00 each: the higher reach rate (80% over 60%) ranks first; the staff snapshot names owner-traffic
    assertThat(order(historyPage, "data-owner").subList(0, 2)).containsExactly("owner-camp", "owner-traffic");
    assertThat(historyPage).contains("<td>王小明 (owner-traffic)</td>", "and 2 more owners; the full list is in owners.csv.");
    assertThat(csv(history, "owners.csv")).extracting(r -> r.get(1)).containsExactlyElementsOf(ranked.stream().map(o -> (String) o.get("owner_id")).toList());
    // and the owners with most dead groups, in one line: most first, then most groups, then by id
    List<Map<String, Object>> mostDead = DuckDb.query(
        "SELECT owner_id, dead_groups, groups FROM " + owners + " WHERE dead_groups > 0 ORDER BY dead_groups DESC, groups DESC, owner_id LIMIT 5");
    String line = "Most dead groups: " + String.join(" · ", mostDead.stream().map(o -> (o.get("owner_id").equals("owner-traffic")
        ? "王小明 (owner-traffic)" : o.get("owner_id")) + ": " + count(o.get("dead_groups")) + " of " + count(o.get("groups")) + " groups").toList());
    assertThat(historyPage).contains("<p>" + line + "</p>");
    assertThat(line).startsWith("Most dead groups: o-nosale-b: 4 of 6 groups · o02: 2 of 3 groups · 王小明 (owner-traffic): 2 of 3 groups");
  }

  @Test
  void aWarehouseWithoutTheReferralCampaignAndOwnerTablesSaysSoInEachSection() {
    // The example publishes none of the three: each section says there is no data yet, and nothing else
    for (String table : List.of("referral_daily", "campaign_daily", "owner_daily")) {
      assertThat(exampleLastDay).contains("No data yet: the metrics job has not published metrics/" + table + " for the day");
    }
    assertThat(exampleLastDay).contains("<h2 id=\"owners\">", "<h2 id=\"campaigns\">", "<h2 id=\"referral-quality\">")
        .doesNotContain("data-referral=", "data-campaign=", "data-owner=", "campaigns.csv", "owners.csv");
  }

  @Test
  void theEnglishPdfKeepsEveryTableWithinThePage() throws IOException {
    // English labels are the longer ones: no column of the day's report is cut off at the A4 page's edge
    assertThat(PdfMargins.textPastTheRightMargin(history.resolve("reports/" + HISTORY_DAY + "/" + DailyReport.PDF))).isEmpty();
  }

  @Test
  void dyingGroupsAreTheGroupsFlaggedInGroupHealth() {
    // example/expected/group_health.csv, 2026-10-01: gA, gC and gV are dead, gB is not.
    List<Map<String, Object>> dead = DuckDb.query(
        "SELECT group_id, members, active_7d FROM read_parquet('" + example
            + "/warehouse/metrics/group_health/*/*.parquet', hive_partitioning = true) WHERE dt = DATE '2026-10-01' AND is_dead");
    assertThat(dead).extracting(r -> r.get("group_id")).containsExactlyInAnyOrder("gA", "gC", "gV");
    Map<String, String> cells = cells(exampleFirstDay, "data-group");
    for (Map<String, Object> group : dead) {
      assertThat(cells.get(group.get("group_id") + "/members")).isEqualTo(count(group.get("members")));
      assertThat(cells.get(group.get("group_id") + "/active_7d")).isEqualTo(count(group.get("active_7d")));
    }
    assertThat(cells).doesNotContainKey("gB/members");
  }

  @Test
  void dyingGroupsAreNamedByTheLatestListingOfTheSnapshot() {
    // raw/groups lists gT1 in a-first.csv line 9 ("old name of gT1") and in groups.csv: the later file wins.
    assertThat(historyPage).contains("<td>gT1</td><td>group gT1</td><td>王小明 (owner-traffic)</td>").doesNotContain("old name of gT1");
    // owner-new_user is in no staff snapshot: shown by id
    assertThat(historyPage).contains("<td>gN1</td><td>group gN1</td><td>owner-new_user</td>");
  }

  @Test
  void dyingGroupsAreJudgedByTheirTypesRuleAndAGroupPastItsEventHasEnded() {
    // Given the day's groups read back, and the bundled purposes' rules: camp dying from 3 days old,
    // flash ended from 3 days old (lifespan), the others dying from 7 days; quiet = active_7d <
    // max(3, ceil(0.02 × members))
    List<Map<String, Object>> groups = DuckDb.query("SELECT group_id, group_type, age_days, members, active_7d FROM read_parquet('"
        + history + "/warehouse/metrics/group_health/*/*.parquet', hive_partitioning = true) WHERE dt = DATE '" + HISTORY_DAY + "'"
        + " ORDER BY members DESC, group_id");
    List<String> dying = new ArrayList<>();
    List<String> ended = new ArrayList<>();
    for (Map<String, Object> g : groups) {
      String type = (String) g.get("group_type");
      int age = (Integer) g.get("age_days");
      boolean quiet = (Long) g.get("active_7d") < Math.max(3, (long) Math.ceil(0.02 * (Long) g.get("members")));
      if (type.equals("flash") && age >= 3 && quiet) ended.add((String) g.get("group_id"));
      else if (quiet && age >= (type.equals("camp") ? 3 : 7)) dying.add((String) g.get("group_id"));
    }
    // gC2 (camp, 5 days) is dying though the table's default rule (7 days) says it is not; gF1 (flash) has ended
    assertThat(dying).containsExactly("gC2", "gN1", "gT1", "gT2");
    assertThat(ended).containsExactly("gF1");
    Map<String, String> cells = cells(historyPage, "data-group");
    assertThat(cells.keySet().stream().filter(k -> k.endsWith("/members")).map(k -> k.substring(0, k.indexOf('/'))))
        .containsExactlyInAnyOrderElementsOf(dying);
    assertThat(historyPage.indexOf("data-group=\"gC2\"")).isLessThan(historyPage.indexOf("data-group=\"gT2\""));
    assertThat(historyPage).contains("traffic / lead-in: 2 (240 members) · new users: 1 (120 members) · training camp: 1 (120 members)")
        .contains("(not dying): flash / event: 1 (120 members)");
    // the CSV beside the report holds both: dying first, then ended
    assertThat(csv(history, "dying_groups.csv")).extracting(r -> r.get(0) + " " + r.get(1))
        .containsExactly("dying gC2", "dying gN1", "dying gT1", "dying gT2", "ended gF1");
  }

  @Test
  void eachHeadlineNumberIsComparedWithItsTypesOwnUsualBand() {
    // Given each type's last 28 days before the report day, read back: the band is the median ± 3
    // standard deviations, the larger of 1.4826 × the median absolute deviation and chance's (a
    // rate's binomial one over today's n, a count's Poisson one, the k-factor's joins' Poisson over
    // n; none for money; a median of 0 taken as one event); a value outside it is flagged, one over
    // fewer than 30 people never is
    Map<String, String> cells = cells(historyPage, "data-type");
    String typeDaily = "read_parquet('" + history + "/warehouse/metrics/type_daily/*/*.parquet', hive_partitioning = true)";
    Map<String, String> metrics = Map.of(
        "members", "members", "reach_rate", "reach_rate", "activity_rate", "activity_rate",
        "repurchase_rate_30d", "repurchase_rate_30d", "k_factor", "k_factor", "gmv", "gmv");
    Map<String, String> denominators = Map.of(
        "members", "members", "reach_rate", "members", "activity_rate", "members",
        "repurchase_rate_30d", "repurchase_buyers_30d", "k_factor", "members", "gmv", "members");
    int flagged = 0;
    for (Map.Entry<String, String> metric : metrics.entrySet()) {
      List<Map<String, Object>> rows = DuckDb.query("""
          WITH h AS (SELECT group_type, CAST(%1$s AS DOUBLE) AS v FROM %2$s
                     WHERE dt BETWEEN DATE '%3$s' - 28 AND DATE '%3$s' - 1 AND group_type IS NOT NULL AND %1$s IS NOT NULL),
               m AS (SELECT group_type, median(v) AS med, count(*) AS n FROM h GROUP BY group_type),
               d AS (SELECT h.group_type, median(abs(v - med)) AS mad FROM h JOIN m USING (group_type) GROUP BY h.group_type)
          SELECT t.group_type, CAST(t.%1$s AS DOUBLE) AS value, t.%4$s AS denominator, m.med, m.n, d.mad
          FROM %2$s t JOIN m USING (group_type) JOIN d USING (group_type) WHERE t.dt = DATE '%3$s'
          """.formatted(metric.getValue(), typeDaily, HISTORY_DAY, denominators.get(metric.getKey())));
      assertThat(rows).hasSize(4);
      for (Map<String, Object> row : rows) {
        String type = (String) row.get("group_type");
        double value = (Double) row.get("value");
        double med = (Double) row.get("med");
        double n = Math.max(1, (Long) row.get("denominator"));
        boolean isRate = metric.getKey().endsWith("rate") || metric.getKey().endsWith("_30d");
        double p = Math.min(Math.max(med, 1 / n), 1 - 1 / n);
        double chance = switch (metric.getKey()) {
          case "members" -> Math.sqrt(Math.max(med, 1));
          case "gmv" -> 0;
          case "k_factor" -> Math.sqrt(Math.max(med, 1 / n) / n);
          default -> Math.sqrt(p * (1 - p) / n);
        };
        double half = 3 * Math.max(1.4826 * (Double) row.get("mad"), chance);
        double low = med - half;
        // a share's band ends at 100%: a rate cannot leave it upwards
        double high = Math.min(med + half, isRate ? 1 : Double.MAX_VALUE);
        String expected;
        if ((Long) row.get("denominator") < 30) {
          expected = "too few to flag";
        } else {
          String flag = value > high ? "▲ " : value < low ? "▼ " : "";
          flagged += flag.isEmpty() ? 0 : 1;
          expected = flag + band(metric.getKey(), Math.max(0, low), high);
        }
        assertThat(cells.get(type + "/" + metric.getKey() + "_usual")).as(type + " " + metric.getKey()).isEqualTo(expected);
      }
    }
    // new_user's activity fell to a fifth on the day: flagged below its band; vip's fell too, over 20 members: not flagged
    assertThat(cells.get("new_user/activity_rate_usual")).startsWith("▼ ");
    assertThat(cells.get("vip/activity_rate_usual")).isEqualTo("too few to flag");
    assertThat(flagged).isPositive();
    // the headline ranks types against themselves: new_user (a primary metric below its band) first
    Matcher headline = Pattern.compile("<tr class=\"(\\w+)\" data-type=\"(\\w+)\">.*<td class=\"verdict\">([^<]+)</td></tr>").matcher(historyPage);
    assertThat(headline.find()).isTrue();
    assertThat(headline.group(2) + " " + headline.group(1) + " " + headline.group(3)).isEqualTo("new_user concern needs attention");
  }

  @Test
  void restatementsOfTheLastSevenRunsAreCountedAndOnlyMaterialOnesListed() {
    // Given the revisions read back: the last 7 run dates up to the report day
    String revisions = "read_parquet('" + history + "/warehouse/metrics/revisions/*/*.parquet', hive_partitioning = true)";
    String lastRuns = "(SELECT DISTINCT run_date FROM " + revisions + " WHERE run_date <= DATE '" + HISTORY_DAY + "' ORDER BY run_date DESC LIMIT 7)";
    Map<String, Object> counts = DuckDb.query("SELECT count(*) FILTER (WHERE kind = 'restatement') AS restated,"
        + " count(*) FILTER (WHERE kind = 'maturation') AS matured FROM " + revisions + " WHERE run_date IN " + lastRuns).get(0);
    assertThat(historyPage).contains("The last 7 runs restated " + counts.get("restated") + " published final values. "
        + counts.get("matured") + " provisional values");
    // the material ones: a headline metric's chain from its first published value to now, by at least
    // 1 point (rates) or 5% of the first value (counts, GMV)
    List<Map<String, Object>> chains = DuckDb.query("""
        SELECT table_name, dt, row_key, column_name, arg_min(old_value, run_date) AS first, arg_max(new_value, run_date) AS now
        FROM %s WHERE run_date IN %s AND kind = 'restatement'
          AND ((table_name = 'type_daily' AND column_name IN ('members', 'reach_rate', 'activity_rate', 'repurchase_rate_30d', 'k_factor', 'gmv', 'leaves'))
            OR (table_name = 'cohort_conversion' AND column_name = 'conversion_rate'))
        GROUP BY ALL
        """.formatted(revisions, lastRuns));
    Map<String, String> cells = cells(historyPage, "data-restated");
    Map<String, List<String>> expected = new HashMap<>();
    for (Map<String, Object> chain : chains) {
      double first = Double.parseDouble((String) chain.get("first"));
      double now = Double.parseDouble((String) chain.get("now"));
      String column = (String) chain.get("column_name");
      boolean rate = column.endsWith("rate") || column.endsWith("_30d");
      boolean isMaterial = rate ? Math.abs(now - first) * 100 >= 1 : Math.abs(now - first) >= 0.05 * Math.abs(first);
      if (isMaterial) {
        // one line per restated row (a type's day or cohort): "metric first → now"
        String type = ((String) chain.get("row_key")).substring("group_type=".length());
        String row = chain.get("dt") + "/" + (type.equals("null") ? "unattributed" : type) + "/" + chain.get("table_name");
        String name = column.equals("gmv") ? "GMV" : "Conversion rate";
        expected.computeIfAbsent(row, r -> new ArrayList<>()).add(name + " "
            + (rate ? String.format(Locale.ROOT, "%.1f%% → %.1f%%", first * 100, now * 100) : String.format(Locale.ROOT, "¥%,.2f → ¥%,.2f", first, now)));
      }
    }
    // traffic's GMV of D-4 (¥531.00 → ¥442.50 over two runs), camp's cohort of D-8 (10.0% → 20.0%) and
    // the unattributed GMV of D-4; not new_user's half point, nor camp's members of the eighth run back
    assertThat(expected).hasSize(3);
    assertThat(cells).hasSize(3);
    expected.forEach((row, changes) -> assertThat(cells.get(row + "/changes")).as(row).isEqualTo(String.join("; ", changes)));
    assertThat(cells.get(HISTORY_DAY.minusDays(4) + "/traffic/type_daily/changes")).isEqualTo("GMV ¥531.00 → ¥442.50");
    // the maturing cohort (15% → 20%) is no restatement, and no raw partition string is printed
    assertThat(cells).doesNotContainKey(HISTORY_DAY.minusDays(3) + "/traffic/cohort_conversion/changes");
    assertThat(historyPage).doesNotContain("group_type=");
    // every restated value of the 7 runs is in the CSV beside the report, and no maturation is
    assertThat(csv(history, "restatements.csv")).hasSize(((Number) counts.get("restated")).intValue());
  }

  @Test
  void theLifecycleCurveIsTheMeanActivityRateOfTheTypesGroupsByAge() {
    // Given group_health (age) and group_daily (active members / members) of the 30 days, read back
    List<Map<String, Object>> means = DuckDb.query("""
        SELECT h.group_type, h.age_days, avg(d.active_members / d.members) AS mean
        FROM read_parquet('%1$s/warehouse/metrics/group_health/*/*.parquet', hive_partitioning = true) h
        JOIN read_parquet('%1$s/warehouse/metrics/group_daily/*/*.parquet', hive_partitioning = true) d USING (dt, group_id)
        WHERE h.dt > DATE '%2$s' - 30 AND h.age_days BETWEEN 0 AND 29 AND d.members > 0
        GROUP BY ALL
        """.formatted(history, HISTORY_DAY));
    // when the report draws its lifecycle chart
    var config = ReportSetup.config(history, "en", "");
    var settings = ReportSettings.from(config);
    var data = new ReportDataLoader(new Storage(config),
        Warehouse.of(config), settings).load(HISTORY_DAY);
    var messages = new Messages("en");
    var curve = new ReportCharts(data, DayAssessment.of(data, settings).restatements(), messages,
        new ChartStyle(CjkFont.find().family())).lifecycle();
    // then each type's line is those means in percent, age by age, with a gap where no group was that old
    assertThat(curve.series()).extracting(Series::label)
        .containsExactly("traffic / lead-in", "new users", "training camp", "flash / event");
    int points = 0;
    for (var series : curve.series()) {
      String type = List.of("traffic", "new_user", "camp", "flash").stream().filter(t -> messages.groupType(t).equals(series.label())).findFirst().orElseThrow();
      for (int age = 0; age < 30; age++) {
        int a = age;
        Double expected = means.stream().filter(m -> m.get("group_type").equals(type) && ((Integer) m.get("age_days")) == a)
            .map(m -> (Double) m.get("mean") * 100).findFirst().orElse(null);
        if (expected == null) {
          assertThat(series.values().get(age)).as(type + " age " + age).isNull();
        } else {
          assertThat(series.values().get(age)).as(type + " age " + age).isCloseTo(expected, Offset.offset(1e-9));
          points++;
        }
      }
    }
    assertThat(points).isEqualTo(means.size());
  }

  @Test
  void theDigestHasOneLinePerTypeWithItsPrimaryMetricsAndWhereTheReportIs() throws IOException {
    String digest = Files.readString(history.resolve("reports/" + HISTORY_DAY + "/digest.md"));
    assertThat(digest.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(4096);
    List<String> lines = digest.lines().toList();
    assertThat(lines.get(0)).isEqualTo("**Qunbao daily report of " + HISTORY_DAY + " is ready**");
    // 1 type needs attention (new_user), 3 material restatements, 4 dying groups of 120 members each
    assertThat(lines.get(1)).isEqualTo("> needing attention: 1 · material restatements in the last 7 runs: 3 · dying groups: 4 (480 members)");
    // new_user first, its activity flagged below its band; then the others, one line each
    assertThat(lines.get(2)).startsWith("- **<font color=\"warning\">new users</font>** Conversion rate ")
        .contains("Activity rate " + cells(historyPage, "data-type").get("new_user/activity_rate").split(" ")[0] + " <font color=\"warning\">▼</font> usual ");
    assertThat(lines.subList(2, lines.size() - 1)).hasSize(4).allMatch(line -> line.startsWith("- **"));
    assertThat(lines.get(lines.size() - 1)).isEqualTo("Full report: `" + history.resolve("reports/" + HISTORY_DAY + "/index.html") + "`");
  }

  /** {@code <td ... attribute="key" data-metric="metric">text</td>} → "key/metric" → text. */
  private static Map<String, String> cells(String page, String attribute) {
    Matcher m = Pattern.compile(attribute + "=\"([^\"]+)\" data-metric=\"([^\"]+)\">([^<]*)<").matcher(page);
    Map<String, String> cells = new HashMap<>();
    while (m.find()) cells.put(m.group(1) + "/" + m.group(2), m.group(3));
    return cells;
  }

  /** The keys of {@code attribute} in the order the page shows them, each once. */
  private static List<String> order(String page, String attribute) {
    Matcher m = Pattern.compile(attribute + "=\"([^\"]+)\"").matcher(page);
    List<String> keys = new ArrayList<>();
    while (m.find()) {
      if (!keys.contains(m.group(1))) keys.add(m.group(1));
    }
    return keys;
  }

  /** The Wilson score interval's lower bound at 95% (z = 1.96), worked out here from its formula. */
  private static double wilson(long successes, long trials) {
    double p = (double) successes / trials;
    double z = 1.959963984540054;
    return (p + z * z / (2 * trials) - z * Math.sqrt(p * (1 - p) / trials + z * z / (4.0 * trials * trials))) / (1 + z * z / trials);
  }

  /** A band as the report prints it, formatted here by its stated rules. */
  private static String band(String metric, double low, double high) {
    return switch (metric) {
      case "members" -> String.format(Locale.ROOT, "%,d–%,d", Math.round(low), Math.round(high));
      case "gmv" -> String.format(Locale.ROOT, "¥%,.0f–¥%,.0f", low, high);
      case "k_factor" -> String.format(Locale.ROOT, "%.3f–%.3f", low, high);
      default -> String.format(Locale.ROOT, "%.1f–%.1f%%", low * 100, high * 100);
    };
  }

  /** The rows of a CSV beside the day's report (header left out), read with Commons CSV. */
  private static List<List<String>> csv(Path root, String file) {
    try (var in = Files.newBufferedReader(root.resolve("reports/" + HISTORY_DAY + "/" + file))) {
      return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).stream()
          .map(r -> r.toList()).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String rate(Object rate, Object numerator, Object denominator) {
    String percent = rate == null ? "—" : String.format(Locale.ROOT, "%.1f%%", (Double) rate * 100);
    return percent + " · " + count(numerator) + " of " + count(denominator);
  }

  private static String count(Object value) {
    return String.format(Locale.ROOT, "%,d", ((Number) value).longValue());
  }

  private static String read(org.apache.hadoop.fs.Path page) throws IOException {
    return Files.readString(Path.of(page.toUri()));
  }
}
