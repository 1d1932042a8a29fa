package io.qunbao.reports.judge;

import io.qunbao.reports.ReportSettings;
import io.qunbao.reports.model.CampaignDay;
import io.qunbao.reports.model.ChannelDay;
import io.qunbao.reports.model.ReportData;
import java.util.List;

/**
 * The report day judged once, for the page, the charts and the digest alike: each group type by
 * its purpose, the restatements of the last runs, the live codes and the campaigns ranked fairly.
 */
public record DayAssessment(
    List<TypeJudgement> types, Restatements restatements, FairRanking<ChannelDay> channels, FairRanking<CampaignDay> campaigns) {

  public static DayAssessment of(ReportData data, ReportSettings settings) {
    return new DayAssessment(
        new Judge(data, settings).types(),
        new Restatements(data.runs(), data.revisions(), settings.report().restatements()),
        FairRanking.channels(data.channels(), settings.report().minScanners()),
        FairRanking.campaigns(data.campaigns().orElse(List.of()), settings.report().minScanners()));
  }
}
