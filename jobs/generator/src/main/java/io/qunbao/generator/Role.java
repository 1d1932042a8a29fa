package io.qunbao.generator;

import java.util.Locale;

/** Staff roles of exports.md: the code is the lower-case name; each has its Chinese label. */
enum Role {
  OWNER("群主"),
  ADMIN("管理员"),
  SERVICE("客服"),
  KOC("KOC"),
  SHILL("托");

  private final String label;

  Role(String label) {
    this.label = label;
  }

  String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  String label() {
    return label;
  }
}
