package io.qunbao.generator;

import io.qunbao.common.Source;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The groups and staff snapshots. The group tool exports a full list on the first day and on each
 * weekday the list changed (a group created, dissolved or relabeled), so not every day: a group
 * created on a weekend is first listed on Monday. The first one written from day 2 on uses Chinese
 * headers and type labels. The staff tool exports on the first day, weekly and
 * when the roster changes; its second export is GB18030 from Excel with Chinese headers and role labels.
 * Each snapshot holds one bad row: a test entry someone typed by hand.
 */
final class Snapshots {
  private static final Charset GB18030 = Charset.forName("GB18030");
  private static final CsvSourceExport.BadRowFields GROUP_BAD_FIELDS = new CsvSourceExport.BadRowFields(
      List.of(Columns.Group.GROUP_ID, Columns.Group.GROUP_NAME, Columns.Group.GROUP_TYPE, Columns.Group.OWNER_ID,
          Columns.Group.CREATED_AT),
      List.of(Columns.Group.GROUP_ID, Columns.Group.OWNER_ID), List.of(Columns.Group.CREATED_AT),
      null, null, null, Columns.Group.GROUP_NAME);
  static final List<RejectClass> GROUP_BAD_KINDS = List.of(RejectClass.BAD_TIMESTAMP, RejectClass.MISSING_FIELD,
      RejectClass.MANGLED_ID, RejectClass.BAD_ENCODING, RejectClass.BROKEN_CSV);
  private static final CsvSourceExport.BadRowFields STAFF_BAD_FIELDS = new CsvSourceExport.BadRowFields(
      List.of(Columns.Staff.MEMBER_ID, Columns.Staff.ROLE), List.of(Columns.Staff.MEMBER_ID), List.of(),
      null, null, Columns.Staff.ROLE, Columns.Staff.NAME);
  static final List<RejectClass> STAFF_BAD_KINDS = List.of(RejectClass.UNKNOWN_ROLE, RejectClass.MISSING_FIELD,
      RejectClass.MANGLED_ID);

  private final Path inbox;
  private final Clock clock;
  private final RejectLedger ledger;
  private final Map<Source, BadRowBudget> budgets;
  private final SplittableRandom random;
  private List<List<String>> lastGroups;
  private boolean chineseGroupsWritten;
  private int staffSnapshots;

  Snapshots(Path inbox, Clock clock, RejectLedger ledger, Map<Source, BadRowBudget> budgets, SplittableRandom random) {
    this.inbox = inbox;
    this.clock = clock;
    this.ledger = ledger;
    this.budgets = budgets;
    this.random = random;
  }

  void write(World world, int dayIndex, LocalDate day, Map<Source, ExportTally> tallies) {
    writeGroups(world, dayIndex, day, tallies.get(Source.GROUPS));
    if (world.staff.exportsOn(dayIndex)) {
      writeStaff(world.staff, dayIndex, day, tallies.get(Source.STAFF));
    }
  }

  private void writeGroups(World world, int dayIndex, LocalDate day, ExportTally tally) {
    long dayEnd = clock.startOf(day.plusDays(1));
    List<Group> listed = world.groups.stream().filter(g -> g.listed && g.createdAt < dayEnd).toList();
    List<List<String>> rows = new ArrayList<>();
    for (Group group : listed) {
      rows.add(Arrays.asList(groupValues(group, dayIndex, dayEnd, false)));
    }
    boolean weekend = day.getDayOfWeek().getValue() >= 6;
    if (rows.equals(lastGroups) || (weekend && lastGroups != null)) {
      return;
    }
    lastGroups = rows;
    boolean chinese = dayIndex >= 2 && !chineseGroupsWritten;
    chineseGroupsWritten |= chinese;
    String file = Source.GROUPS.id() + "/" + day + "/" + (chinese ? "群列表.csv" : "groups.csv");
    CsvExport.Style style = new CsvExport.Style(StandardCharsets.UTF_8, chinese, false, false, chinese);
    try (CsvSourceExport out = open(Source.GROUPS, day, file, Columns.Group.ALL, style, GROUP_BAD_FIELDS, tally)) {
      for (int i = 0; i < listed.size(); i++) {
        String[] values = groupValues(listed.get(i), dayIndex, dayEnd, chinese);
        if (i == listed.size() / 2) {
          out.writeOneBad(testGroup(world, day), dayEnd - 3600);
        }
        out.write(values, listed.get(i).createdAt);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  /**
   * A group as the snapshot of the day ending at {@code dayEnd} lists it; a dissolution shows from the
   * day it happened. A few groups have no capacity filled in (it is optional).
   */
  private String[] groupValues(Group group, int dayIndex, long dayEnd, boolean chinese) {
    GroupType type = group.typeOn(dayIndex);
    boolean isoCreatedAt = Math.floorMod(group.id.hashCode(), 7) == 0;
    String[] v = new String[Columns.Group.ALL.size()];
    v[Columns.Group.GROUP_ID.index()] = group.id;
    v[Columns.Group.GROUP_NAME.index()] = group.name;
    v[Columns.Group.GROUP_TYPE.index()] = chinese ? type.label() : type.code();
    v[Columns.Group.OWNER_ID.index()] = group.ownerId;
    v[Columns.Group.CREATED_AT.index()] = clock.format(group.createdAt,
        isoCreatedAt ? TimeForm.ISO_OFFSET : TimeForm.LOCAL_SPACE);
    v[Columns.Group.CAPACITY.index()] = Math.floorMod(group.id.hashCode(), 20) == 3 ? "" : Integer.toString(group.capacity());
    v[Columns.Group.DISSOLVED_AT.index()] = group.dissolvedAt >= 0 && group.dissolvedAt < dayEnd
        ? clock.format(group.dissolvedAt, TimeForm.LOCAL_SPACE) : "";
    return v;
  }

  /** The hand-typed test group that makes a snapshot's bad row. */
  private String[] testGroup(World world, LocalDate day) {
    String[] v = new String[Columns.Group.ALL.size()];
    v[Columns.Group.GROUP_ID.index()] = "g_test_" + day.getDayOfMonth();
    v[Columns.Group.GROUP_NAME.index()] = "测试群（请勿使用）";
    v[Columns.Group.GROUP_TYPE.index()] = GroupType.TRAFFIC.code();
    v[Columns.Group.OWNER_ID.index()] = world.staff.withRole(Role.OWNER).get(0).id();
    v[Columns.Group.CREATED_AT.index()] = clock.format(clock.startOf(day) + 3600, TimeForm.LOCAL_SPACE);
    v[Columns.Group.CAPACITY.index()] = "200";
    v[Columns.Group.DISSOLVED_AT.index()] = "";
    return v;
  }

  private void writeStaff(StaffRoster roster, int dayIndex, LocalDate day, ExportTally tally) {
    boolean excel = ++staffSnapshots == 2;
    String file = Source.STAFF.id() + "/" + day + "/" + (excel ? "员工名单.csv" : "staff.csv");
    CsvExport.Style style = excel
        ? new CsvExport.Style(GB18030, false, false, true, true)
        : CsvExport.Style.PLAIN;
    long noon = clock.startOf(day) + 12 * 3600;
    try (CsvSourceExport out = open(Source.STAFF, day, file, Columns.Staff.ALL, style, STAFF_BAD_FIELDS, tally)) {
      List<StaffRoster.Member> listed = roster.listedOn(dayIndex);
      for (int i = 0; i < listed.size(); i++) {
        StaffRoster.Member member = listed.get(i);
        Role role = member.roleOn(dayIndex);
        if (i == listed.size() / 2) {
          out.writeOneBad(new String[] {"s_tmp_" + day.getDayOfMonth(), Role.SERVICE.code(), "临时工"}, noon);
        }
        out.write(new String[] {member.id(), excel ? role.label() : role.code(), member.name()}, noon);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private CsvSourceExport open(Source source, LocalDate day, String file, List<CsvColumn> layout,
      CsvExport.Style style, CsvSourceExport.BadRowFields badFields, ExportTally tally) throws IOException {
    return new CsvSourceExport(source, day, new CsvExport(inbox, file, layout, style), budgets.get(source),
        badFields, clock, random.split(), ledger, tally);
  }
}
