package io.qunbao.ingest.scans;

import io.qunbao.common.Source;
import io.qunbao.ingest.CsvSource;
import io.qunbao.ingest.parse.Column;
import io.qunbao.ingest.parse.CsvRow;
import io.qunbao.ingest.parse.RowRejected;
import io.qunbao.ingest.parse.Timestamps;
import io.qunbao.schema.raw.Scan;
import java.util.List;
import java.util.Set;

/** scans: QR-code scans of live codes and personal fission posters (exports.md, "scans"). */
public final class ScansSource extends CsvSource<Scan> {
  static final Column SCAN_ID = Column.required("scan_id", "扫码ID");
  static final Column SCANNED_AT = Column.required("scanned_at", "扫码时间");
  static final Column CODE_ID = Column.required("code_id", "活码ID");
  static final Column CHANNEL = Column.optional("channel", "渠道");
  static final Column SCANNER_ID = Column.required("scanner_id", "扫码用户ID");
  static final Column INVITER_ID = Column.optional("inviter_id", "邀请人ID");
  static final Column GROUP_ID = Column.required("group_id", "群ID");
  private static final List<Column> COLUMNS =
      List.of(SCAN_ID, SCANNED_AT, CODE_ID, CHANNEL, SCANNER_ID, INVITER_ID, GROUP_ID);

  public ScansSource(String configuredEncoding, Timestamps timestamps) {
    super(Source.SCANS.id(), Scan::new, COLUMNS, Scan::getScannedAt, configuredEncoding, timestamps);
  }

  /** scanner_id too: a customer scans a code about once. */
  @Override
  public Set<String> columnsWithoutDictionary() {
    return Set.of(SCAN_ID.name(), SCANNED_AT.name(), SCANNER_ID.name(), "source_line");
  }

  @Override
  protected Scan toRow(CsvRow row, String file, long line) throws RowRejected {
    return new Scan(
        id(row, SCAN_ID),
        instant(row, SCANNED_AT),
        id(row, CODE_ID),
        row.get(CHANNEL),
        id(row, SCANNER_ID),
        optionalId(row, INVITER_ID),
        id(row, GROUP_ID),
        file,
        line);
  }
}
