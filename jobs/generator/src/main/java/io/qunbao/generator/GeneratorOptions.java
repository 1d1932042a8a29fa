package io.qunbao.generator;

import io.qunbao.common.ExitCode;
import io.qunbao.common.QunbaoException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What to generate. The same options (seed included) always give byte-identical files.
 *
 * @param seed                   seeds every random choice
 * @param startDate              the first export date
 * @param days                   how many export dates, one folder per source and day
 * @param groups                 roughly how many groups, spread over the 11 group types of exports.md
 *                               (groups created on demand by live codes make the exact number vary a little)
 * @param messagesPerGroupPerDay customer messages a group of 150 members posts on a day of its busy first
 *                               week; the scale knob for benchmarks (members are bounded by group capacity)
 * @param businessZone           the zone of local time stamps and of "a day"
 * @param inbox                  the folder to write; existing files of the same names are replaced
 */
public record GeneratorOptions(
    long seed,
    LocalDate startDate,
    int days,
    int groups,
    double messagesPerGroupPerDay,
    ZoneId businessZone,
    Path inbox) {

  public static final long DEFAULT_SEED = 20261101L;
  public static final LocalDate DEFAULT_START_DATE = LocalDate.of(2026, 11, 1);
  public static final int DEFAULT_DAYS = 14;
  public static final int DEFAULT_GROUPS = 300;
  public static final double DEFAULT_MESSAGES_PER_GROUP_PER_DAY = 120;
  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
  /** One group of each type, plus a live code pool to route into. */
  public static final int MIN_GROUPS = 12;

  public GeneratorOptions {
    Objects.requireNonNull(startDate, "startDate");
    Objects.requireNonNull(businessZone, "businessZone");
    Objects.requireNonNull(inbox, "inbox");
    if (days < 1) {
      throw usage("days must be at least 1, got " + days);
    }
    if (groups < MIN_GROUPS) {
      throw usage("groups must be at least " + MIN_GROUPS + " (one per group type and a live code pool), got " + groups);
    }
    if (!(messagesPerGroupPerDay >= 0) || Double.isInfinite(messagesPerGroupPerDay)) {
      throw usage("messages per group per day must be a number >= 0, got " + messagesPerGroupPerDay);
    }
  }

  /** The default inbox: 14 days from 2026-11-01, ~300 groups, a few hundred thousand messages. */
  public static GeneratorOptions defaults(Path inbox) {
    return new GeneratorOptions(DEFAULT_SEED, DEFAULT_START_DATE, DEFAULT_DAYS, DEFAULT_GROUPS,
        DEFAULT_MESSAGES_PER_GROUP_PER_DAY, DEFAULT_ZONE, inbox);
  }

  public GeneratorOptions withSeed(long value) {
    return new GeneratorOptions(value, startDate, days, groups, messagesPerGroupPerDay, businessZone, inbox);
  }

  public GeneratorOptions withStartDate(LocalDate value) {
    return new GeneratorOptions(seed, value, days, groups, messagesPerGroupPerDay, businessZone, inbox);
  }

  public GeneratorOptions withDays(int value) {
    return new GeneratorOptions(seed, startDate, value, groups, messagesPerGroupPerDay, businessZone, inbox);
  }

  public GeneratorOptions withGroups(int value) {
    return new GeneratorOptions(seed, startDate, days, value, messagesPerGroupPerDay, businessZone, inbox);
  }

  public GeneratorOptions withMessagesPerGroupPerDay(double value) {
    return new GeneratorOptions(seed, startDate, days, groups, value, businessZone, inbox);
  }

  public GeneratorOptions withBusinessZone(ZoneId value) {
    return new GeneratorOptions(seed, startDate, days, groups, messagesPerGroupPerDay, value, inbox);
  }

  public GeneratorOptions withInbox(Path value) {
    return new GeneratorOptions(seed, startDate, days, groups, messagesPerGroupPerDay, businessZone, value);
  }

  public LocalDate endDate() {
    return startDate.plusDays(days - 1L);
  }

  private static QunbaoException usage(String message) {
    return new QunbaoException(ExitCode.USAGE, "generate: " + message);
  }
}
