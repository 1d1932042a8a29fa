package io.qunbao.generator;

import java.util.List;

/** The columns of the four CSV sources, in the canonical order of exports.md. */
final class Columns {
  private Columns() {}

  static final class Order {
    static final CsvColumn ORDER_ID = new CsvColumn(0, "order_id", "订单号");
    static final CsvColumn BUYER_ID = new CsvColumn(1, "buyer_id", "买家ID");
    static final CsvColumn PAID_AT = new CsvColumn(2, "paid_at", "付款时间");
    static final CsvColumn AMOUNT = new CsvColumn(3, "amount", "实付金额");
    static final CsvColumn STATUS = new CsvColumn(4, "status", "订单状态");
    static final CsvColumn GROUP_ID = new CsvColumn(5, "group_id", "群ID");
    static final CsvColumn UPDATED_AT = new CsvColumn(6, "updated_at", "更新时间");
    /** Not in the contract: shop exports carry extra columns, which the ingest must ignore. */
    static final CsvColumn REMARK = new CsvColumn(7, "remark", "备注");
    static final List<CsvColumn> ALL = List.of(ORDER_ID, BUYER_ID, PAID_AT, AMOUNT, STATUS, GROUP_ID, UPDATED_AT, REMARK);

    private Order() {}
  }

  static final class Scan {
    static final CsvColumn SCAN_ID = new CsvColumn(0, "scan_id", "扫码ID");
    static final CsvColumn SCANNED_AT = new CsvColumn(1, "scanned_at", "扫码时间");
    static final CsvColumn CODE_ID = new CsvColumn(2, "code_id", "活码ID");
    static final CsvColumn CHANNEL = new CsvColumn(3, "channel", "渠道");
    static final CsvColumn SCANNER_ID = new CsvColumn(4, "scanner_id", "扫码用户ID");
    static final CsvColumn INVITER_ID = new CsvColumn(5, "inviter_id", "邀请人ID");
    static final CsvColumn GROUP_ID = new CsvColumn(6, "group_id", "群ID");
    static final List<CsvColumn> ALL = List.of(SCAN_ID, SCANNED_AT, CODE_ID, CHANNEL, SCANNER_ID, INVITER_ID, GROUP_ID);

    private Scan() {}
  }

  static final class Group {
    static final CsvColumn GROUP_ID = new CsvColumn(0, "group_id", "群ID");
    static final CsvColumn GROUP_NAME = new CsvColumn(1, "group_name", "群名称");
    static final CsvColumn GROUP_TYPE = new CsvColumn(2, "group_type", "群类型");
    static final CsvColumn OWNER_ID = new CsvColumn(3, "owner_id", "群主ID");
    static final CsvColumn CREATED_AT = new CsvColumn(4, "created_at", "创建时间");
    static final CsvColumn CAPACITY = new CsvColumn(5, "capacity", "人数上限");
    static final CsvColumn DISSOLVED_AT = new CsvColumn(6, "dissolved_at", "解散时间");
    static final List<CsvColumn> ALL = List.of(GROUP_ID, GROUP_NAME, GROUP_TYPE, OWNER_ID, CREATED_AT, CAPACITY, DISSOLVED_AT);

    private Group() {}
  }

  static final class Staff {
    static final CsvColumn MEMBER_ID = new CsvColumn(0, "member_id", "成员ID");
    static final CsvColumn ROLE = new CsvColumn(1, "role", "角色");
    static final CsvColumn NAME = new CsvColumn(2, "name", "姓名");
    static final List<CsvColumn> ALL = List.of(MEMBER_ID, ROLE, NAME);

    private Staff() {}
  }
}
