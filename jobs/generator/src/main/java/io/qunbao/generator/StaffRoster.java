package io.qunbao.generator;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The staff: owners, admins, service, KOCs and shill accounts, sized to the number of groups. The
 * roster changes the way real ones do: a KOC is made service half-way (later snapshots give the new
 * role), a new service hire appears, and one shill is listed only in the first snapshot (still staff
 * by exports.md).
 */
final class StaffRoster {
  /** One person on the roster; listed in snapshots from {@code listedFrom} up to {@code listedUntil}. */
  record Member(String id, String name, Role role, Role laterRole, int roleChangeDay, int listedFrom,
      int listedUntil) {
    Role roleOn(int dayIndex) {
      return laterRole != null && dayIndex >= roleChangeDay ? laterRole : role;
    }

    boolean listedOn(int dayIndex) {
      return dayIndex >= listedFrom && dayIndex <= listedUntil;
    }
  }

  private static final String[] SURNAMES = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙"};
  private static final String[] GIVEN = {"敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛", "明", "超", "秀英", "晓东"};
  private static final String[] ID_PREFIX = {"s_own", "s_adm", "s_svc", "s_koc", "s_shill"};

  private final List<Member> members = new ArrayList<>();
  private final Map<Role, List<Member>> byRole = new EnumMap<>(Role.class);
  private final int roleChangeDay;
  private final int hireDay;

  StaffRoster(int groups, int days, SplittableRandom random) {
    this.roleChangeDay = days / 2;
    this.hireDay = days / 3;
    int[] counts = {
        Math.max(2, groups / 40), Math.max(2, groups / 15), Math.max(2, groups / 20),
        Math.max(2, groups / 25), Math.max(2, groups / 20)};
    for (Role role : Role.values()) {
      List<Member> ofRole = new ArrayList<>();
      int count = counts[role.ordinal()];
      for (int i = 1; i <= count; i++) {
        String id = String.format("%s_%02d", ID_PREFIX[role.ordinal()], i);
        boolean promoted = role == Role.KOC && i == 1 && days > 1;
        boolean leftEarly = role == Role.SHILL && i == count && days > 1;
        Member member = new Member(id, name(random), role, promoted ? Role.SERVICE : null, roleChangeDay,
            0, leftEarly ? 0 : Integer.MAX_VALUE);
        ofRole.add(member);
        members.add(member);
      }
      byRole.put(role, ofRole);
    }
    if (days > 1) {
      Member hire = new Member(String.format("%s_%02d", ID_PREFIX[Role.SERVICE.ordinal()], counts[2] + 1),
          name(random), Role.SERVICE, null, 0, hireDay, Integer.MAX_VALUE);
      members.add(hire);
    }
  }

  /** Staff of {@code role} as first hired (the new hire is listed but serves no group yet). */
  List<Member> withRole(Role role) {
    return byRole.get(role);
  }

  /** The snapshot of {@code dayIndex}: everyone listed that day, with that day's role. */
  List<Member> listedOn(int dayIndex) {
    return members.stream().filter(m -> m.listedOn(dayIndex)).toList();
  }

  /** The staff tool exports on the first day, weekly, and when the roster changes. */
  boolean exportsOn(int dayIndex) {
    return dayIndex % 7 == 0 || dayIndex == roleChangeDay || dayIndex == hireDay;
  }

  private static String name(SplittableRandom random) {
    return Draw.oneOf(random, SURNAMES) + Draw.oneOf(random, GIVEN);
  }
}
