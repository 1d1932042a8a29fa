package io.qunbao.ingest.parse;

import java.util.Locale;
import java.util.Map;

/**
 * The coded values of exports.md with their Chinese labels: an English code matches regardless of
 * case, a Chinese label maps to its code.
 */
public final class Labels {
  private static final Map<String, String> STATUS = Map.of(
      "已付款", "paid", "已发货", "shipped", "已完成", "completed",
      "已退款", "refunded", "已取消", "cancelled", "待付款", "pending");
  private static final Map<String, String> ROLE = Map.of(
      "群主", "owner", "管理员", "admin", "客服", "service", "托", "shill", "马甲号", "shill");
  private static final Map<String, String> GROUP_TYPE = Map.ofEntries(
      Map.entry("引流群", "traffic"), Map.entry("新人群", "new_user"), Map.entry("训练营", "camp"),
      Map.entry("交付群", "delivery"), Map.entry("铁粉群", "superfan"), Map.entry("属地群", "local"),
      Map.entry("快闪群", "flash"), Map.entry("内容群", "content"), Map.entry("打卡群", "checkin"),
      Map.entry("vip群", "vip"), Map.entry("秒杀群", "sale"));

  private Labels() {}

  public static String status(String value) throws RowRejected {
    String code = code(STATUS, value);
    if (!STATUS.containsValue(code)) {
      throw new RowRejected(RejectReason.UNKNOWN_STATUS, "status " + value + " is not a known status");
    }
    return code;
  }

  /** KOC is both the code and the label; 托/马甲号 (and the spec's combined "托/马甲号") are shills. */
  public static String role(String value) throws RowRejected {
    String code = value.equals("托/马甲号") ? "shill" : code(ROLE, value);
    if (!ROLE.containsValue(code) && !code.equals("koc")) {
      throw new RowRejected(RejectReason.UNKNOWN_ROLE, "role " + value + " is not a known role");
    }
    return code;
  }

  /** A known code or label is normalised; an unknown code is kept as written (reported under its name). */
  public static String groupType(String value) {
    String code = code(GROUP_TYPE, value);
    return GROUP_TYPE.containsValue(code) ? code : value;
  }

  private static String code(Map<String, String> labels, String value) {
    String folded = value.toLowerCase(Locale.ROOT);
    return labels.getOrDefault(folded, folded);
  }
}
