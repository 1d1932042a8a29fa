package io.qunbao.reports.charts;

import io.qunbao.reports.i18n.CjkFont;

/** The chart style the report uses, with the machine's CJK font. */
final class ChartTestSupport {
  static final ChartStyle STYLE = new ChartStyle(CjkFont.find().family());

  private ChartTestSupport() {}
}
