package io.qunbao.ingest.staff;

import io.qunbao.common.Source;
import io.qunbao.ingest.CsvSource;
import io.qunbao.ingest.parse.Column;
import io.qunbao.ingest.parse.CsvRow;
import io.qunbao.ingest.parse.Labels;
import io.qunbao.ingest.parse.RowRejected;
import io.qunbao.ingest.parse.Timestamps;
import io.qunbao.schema.raw.Staff;
import java.util.List;

/** staff: a full snapshot of the staff roster (exports.md, "staff"). */
public final class StaffSource extends CsvSource<Staff> {
  static final Column MEMBER_ID = Column.required("member_id", "成员ID");
  static final Column ROLE = Column.required("role", "角色");
  static final Column NAME = Column.optional("name", "姓名");
  private static final List<Column> COLUMNS = List.of(MEMBER_ID, ROLE, NAME);

  /** A snapshot: its rows are not events, so there are no late rows. */
  public StaffSource(String configuredEncoding, Timestamps timestamps) {
    super(Source.STAFF.id(), Staff::new, COLUMNS, null, configuredEncoding, timestamps);
  }

  @Override
  protected Staff toRow(CsvRow row, String file, long line) throws RowRejected {
    return new Staff(id(row, MEMBER_ID), Labels.role(row.require(ROLE)), row.get(NAME), file, line);
  }
}
