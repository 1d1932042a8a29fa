package io.qunbao.ingest;

import io.qunbao.common.config.QunbaoConfig;
import io.qunbao.ingest.chat.ChatSource;
import io.qunbao.ingest.groups.GroupsSource;
import io.qunbao.ingest.orders.OrdersSource;
import io.qunbao.ingest.parse.Timestamps;
import io.qunbao.ingest.scans.ScansSource;
import io.qunbao.ingest.staff.StaffSource;
import java.util.List;

/** The five sources of exports.md, configured: the one place that knows them all. */
public final class Sources {
  /** In the order the ingest job lands them. */
  public static final List<String> NAMES = List.of("chat", "orders", "scans", "groups", "staff");

  private Sources() {}

  public static SourceReader<?> reader(String source, QunbaoConfig config) {
    Timestamps timestamps = new Timestamps(config.zone());
    QunbaoConfig.Ingest ingest = config.ingest();
    return switch (source) {
      case "chat" -> new ChatSource(timestamps, ingest.keepMessageText());
      case "orders" -> new OrdersSource(ingest.encodings().get("orders"), timestamps);
      case "scans" -> new ScansSource(ingest.encodings().get("scans"), timestamps);
      case "groups" -> new GroupsSource(ingest.encodings().get("groups"), timestamps);
      case "staff" -> new StaffSource(ingest.encodings().get("staff"), timestamps);
      default -> throw new IllegalArgumentException("unknown source " + source + "; sources are " + NAMES);
    };
  }
}
