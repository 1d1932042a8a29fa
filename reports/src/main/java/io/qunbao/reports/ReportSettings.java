package io.qunbao.reports;

import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.reports.purpose.Purposes;
import io.qunbao.reports.targets.Targets;

/**
 * What the report needs of the configuration, read once: the {@code report.*} rules, the metric
 * parameters its captions state and its cohort reads need, and the purposes and targets files
 * (a wrong file fails here, before anything is written).
 */
public record ReportSettings(QunbaoConfig.Report report, QunbaoConfig.Metrics metrics, Purposes purposes, Targets targets) {

  public static ReportSettings from(QunbaoConfig config) {
    return new ReportSettings(config.report(), config.metrics(),
        Purposes.load(config.report().purposes(), config.metrics().deadGroup()), Targets.load(config.report().targets()));
  }
}
