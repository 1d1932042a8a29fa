package io.qunbao.bench.duckdb;

import java.util.List;
import java.util.Map;

/** The five export sources of exports.md as the DuckDB ingest reads them: columns, and the Chinese headers of the CSV ones. */
enum ExportSource {
  CHAT("chat", List.of("msg_id", "group_id", "sender_id", "sent_at", "msg_type", "content", "join_scene",
      "inviter_id", "code_id", "quit_scene"), Map.of()),
  ORDERS("orders", List.of("order_id", "buyer_id", "paid_at", "amount", "status", "group_id", "updated_at"),
      Map.of("订单号", "order_id", "买家ID", "buyer_id", "付款时间", "paid_at", "实付金额", "amount",
          "订单状态", "status", "群ID", "group_id", "更新时间", "updated_at")),
  SCANS("scans", List.of("scan_id", "scanned_at", "code_id", "channel", "scanner_id", "inviter_id", "group_id"),
      Map.of("扫码ID", "scan_id", "扫码时间", "scanned_at", "活码ID", "code_id", "渠道", "channel",
          "扫码用户ID", "scanner_id", "邀请人ID", "inviter_id", "群ID", "group_id")),
  GROUPS("groups", List.of("group_id", "group_name", "group_type", "owner_id", "created_at", "capacity",
      "dissolved_at"),
      Map.of("群ID", "group_id", "群名称", "group_name", "群类型", "group_type", "群主ID", "owner_id",
          "创建时间", "created_at", "人数上限", "capacity", "解散时间", "dissolved_at")),
  STAFF("staff", List.of("member_id", "role", "name"),
      Map.of("成员ID", "member_id", "角色", "role", "姓名", "name"));

  final String folder;
  final List<String> columns;
  private final Map<String, String> chineseHeaders;

  ExportSource(String folder, List<String> columns, Map<String, String> chineseHeaders) {
    this.folder = folder;
    this.columns = columns;
    this.chineseHeaders = chineseHeaders;
  }

  /** The column a CSV header names (English in any case, or Chinese), or null for a column the ingest ignores. */
  String columnOf(String header) {
    String english = header.strip().toLowerCase(java.util.Locale.ROOT);
    if (columns.contains(english)) {
      return english;
    }
    return chineseHeaders.get(header.strip());
  }

  boolean isJsonLines() {
    return this == CHAT;
  }
}
