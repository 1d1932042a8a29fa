package io.qunbao.generator;

import java.util.Locale;

/** The five export sources of exports.md, each a folder of the inbox. */
public enum Source {
  CHAT,
  ORDERS,
  SCANS,
  GROUPS,
  STAFF;

  /** The folder name under the inbox, e.g. {@code chat}. */
  public String folder() {
    return name().toLowerCase(Locale.ROOT);
  }
}
