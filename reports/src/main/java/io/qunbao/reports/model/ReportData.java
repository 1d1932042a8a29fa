package io.qunbao.reports.model;

import io.qunbao.reports.i18n.GroupTypes;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the report of {@code day} shows, as read from the published tables; nothing here is
 * computed from raw events. Windows: type rows and group rows of the trends' 30 days (and the
 * baseline's days before {@code day}); cohorts back to the baseline of the latest final one;
 * channels, quiet groups, referrers, referral quality, campaigns and owners of {@code day} only
 * (the optional tables empty when the warehouse does not publish them); the revisions of the last runs up to
 * {@code day} ({@code runs}, newest first).
 */
public record ReportData(
    LocalDate day,
    List<TypeDay> typeDays,
    List<Cohort> cohorts,
    List<ChannelDay> channels,
    List<GroupHealth> health,
    List<GroupActivity> groupActivity,
    List<QuietGroup> quietGroups,
    Optional<List<Referrer>> referrers,
    Optional<List<ReferralDay>> referral,
    Optional<List<CampaignDay>> campaigns,
    Optional<List<OwnerDay>> owners,
    List<LocalDate> runs,
    List<Revision> revisions,
    List<SourceQuality> dataQuality) {

  /** The report day's rows of the group types, in the spec's order (the unattributed row left out). */
  public List<TypeDay> typesOfTheDay() {
    return typeDays.stream()
        .filter(t -> t.day().equals(day) && t.type() != null)
        .sorted((a, b) -> GroupTypes.ORDER.compare(a.type(), b.type()))
        .toList();
  }

  /** The row of {@code type} (null = unattributed) on {@code on}, if the table has one. */
  public Optional<TypeDay> typeDay(LocalDate on, String type) {
    return typeDays.stream()
        .filter(t -> t.day().equals(on) && Objects.equals(t.type(), type))
        .findFirst();
  }

  public Optional<Cohort> cohort(LocalDate on, String type) {
    return cohorts.stream().filter(c -> c.day().equals(on) && c.type().equals(type)).findFirst();
  }

  /** The latest cohort of {@code type} on or before the day whose conversion window has closed. */
  public Optional<Cohort> latestFinalCohort(String type) {
    return cohorts.stream()
        .filter(c -> c.type().equals(type) && c.isFinal() && !c.day().isAfter(day))
        .max(Comparator.comparing(Cohort::day));
  }
}
