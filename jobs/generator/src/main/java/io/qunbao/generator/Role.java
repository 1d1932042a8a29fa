package io.qunbao.generator;

/** Staff roles of exports.md with their Chinese labels. */
enum Role {
  OWNER("owner", "群主"),
  ADMIN("admin", "管理员"),
  SERVICE("service", "客服"),
  KOC("koc", "KOC"),
  SHILL("shill", "托");

  private final String code;
  private final String label;

  Role(String code, String label) {
    this.code = code;
    this.label = label;
  }

  String code() {
    return code;
  }

  String label() {
    return label;
  }
}
