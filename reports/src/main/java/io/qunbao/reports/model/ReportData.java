package io.qunbao.reports.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Everything the report of {@code day} shows, as read from the published tables; nothing here is
 * computed from raw events. Windows: type rows and group rows of the 30 days ending {@code day};
 * cohorts of the 30 days before the latest final cohort's comparison day (so the trend and the
 * card's "7 days before" both have data); channels, dead groups and referrers of {@code day} only.
 */
public record ReportData(
    LocalDate day,
    List<TypeDay> typeDays,
    List<Cohort> cohorts,
    List<ChannelDay> channels,
    List<GroupHealth> health,
    List<GroupActivity> groupActivity,
    List<DeadGroup> deadGroups,
    Optional<List<Referrer>> referrers,
    List<Revision> revisions,
    List<SourceQuality> dataQuality) {

  /** The report day's row of {@code type} (null = unattributed), if the table has one. */
  public Optional<TypeDay> typeDay(LocalDate on, String type) {
    return typeDays.stream()
        .filter(t -> t.day().equals(on) && java.util.Objects.equals(t.type(), type))
        .findFirst();
  }

  public Optional<Cohort> cohort(LocalDate on, String type) {
    return cohorts.stream().filter(c -> c.day().equals(on) && c.type().equals(type)).findFirst();
  }

  /** True when {@code table}'s partition {@code on} was restated after it was first published. */
  public boolean restated(String table, LocalDate on) {
    return revisions.stream().anyMatch(r -> r.table().equals(table) && on.equals(r.day()));
  }
}
