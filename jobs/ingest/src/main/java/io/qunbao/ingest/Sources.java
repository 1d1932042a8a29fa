package io.qunbao.ingest;

import io.qunbao.common.Source;
import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.ingest.chat.ChatSource;
import io.qunbao.ingest.groups.GroupsSource;
import io.qunbao.ingest.orders.OrdersSource;
import io.qunbao.ingest.parse.Timestamps;
import io.qunbao.ingest.scans.ScansSource;
import io.qunbao.ingest.staff.StaffSource;

/** The five sources of exports.md, configured: the one place that knows them all. */
public final class Sources {
  private Sources() {}

  public static SourceReader<?> reader(Source source, QunbaoConfig config) {
    Timestamps timestamps = new Timestamps(config.zone());
    QunbaoConfig.Ingest ingest = config.ingest();
    return switch (source) {
      case CHAT -> new ChatSource(timestamps, ingest.keepMessageText());
      case ORDERS -> new OrdersSource(ingest.encodings().get(source.id()), timestamps);
      case SCANS -> new ScansSource(ingest.encodings().get(source.id()), timestamps);
      case GROUPS -> new GroupsSource(ingest.encodings().get(source.id()), timestamps);
      case STAFF -> new StaffSource(ingest.encodings().get(source.id()), timestamps);
    };
  }
}
