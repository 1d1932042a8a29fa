package io.qunbao.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The five exports of exports.md, in the order the ingest job lands them. {@link #id()} is the name of
 * the source everywhere a person sees it: its inbox folder, its warehouse tables ({@code raw/<id>},
 * {@code rejects/<id>}), its config keys and its log lines.
 */
public enum Source {
  CHAT(false),
  ORDERS(true),
  SCANS(true),
  GROUPS(true),
  STAFF(true);

  private final boolean csv;

  Source(boolean csv) {
    this.csv = csv;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A CSV export, whose encoding can be configured ({@code ingest.encodings.<id>}); chat is JSON Lines. */
  public boolean csv() {
    return csv;
  }

  /** Every source's id, in landing order. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(Source::id).toList();
  }

  @Override
  public String toString() {
    return id();
  }
}
