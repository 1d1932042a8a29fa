package io.qunbao.reports.lists;

import java.util.List;

/**
 * A list the page shows at most {@code cap} rows of, best first; the rest is counted ("and 12
 * more") and lives in the list's CSV beside the report ({@link FullList}). Every list on the page
 * goes through here, so the page's size does not grow with the data.
 */
public record CappedList<T>(List<T> shown, int total) {
  /** Rows a capped list shows. */
  public static final int CAP = 10;

  public static <T> CappedList<T> of(List<T> all) {
    return new CappedList<>(all.subList(0, Math.min(CAP, all.size())), all.size());
  }

  /** Rows in the CSV only. */
  public int more() {
    return total - shown.size();
  }
}
