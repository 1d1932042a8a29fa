package io.qunbao.ingest.groups;

import io.qunbao.common.Source;
import io.qunbao.ingest.CsvSource;
import io.qunbao.ingest.parse.Column;
import io.qunbao.ingest.parse.CsvRow;
import io.qunbao.ingest.parse.Labels;
import io.qunbao.ingest.parse.RejectReason;
import io.qunbao.ingest.parse.RowRejected;
import io.qunbao.ingest.parse.Timestamps;
import io.qunbao.schema.raw.Group;
import java.util.List;

/** groups: a full snapshot of the group list (exports.md, "groups"). */
public final class GroupsSource extends CsvSource<Group> {
  static final Column GROUP_ID = Column.required("group_id", "群ID");
  static final Column GROUP_NAME = Column.required("group_name", "群名称");
  static final Column GROUP_TYPE = Column.required("group_type", "群类型");
  static final Column OWNER_ID = Column.required("owner_id", "群主ID");
  static final Column CREATED_AT = Column.required("created_at", "创建时间");
  static final Column CAPACITY = Column.optional("capacity", "人数上限");
  static final Column DISSOLVED_AT = Column.optional("dissolved_at", "解散时间");
  private static final List<Column> COLUMNS =
      List.of(GROUP_ID, GROUP_NAME, GROUP_TYPE, OWNER_ID, CREATED_AT, CAPACITY, DISSOLVED_AT);

  /** A snapshot: its rows are not events, so there are no late rows. */
  public GroupsSource(String configuredEncoding, Timestamps timestamps) {
    super(Source.GROUPS.id(), Group::new, COLUMNS, null, configuredEncoding, timestamps);
  }

  @Override
  protected Group toRow(CsvRow row, String file, long line) throws RowRejected {
    return new Group(
        id(row, GROUP_ID),
        row.require(GROUP_NAME),
        Labels.groupType(row.require(GROUP_TYPE)),
        id(row, OWNER_ID),
        instant(row, CREATED_AT),
        capacity(row.get(CAPACITY)),
        optionalInstant(row, DISSOLVED_AT),
        file,
        line);
  }

  private static Integer capacity(String value) throws RowRejected {
    if (value == null) {
      return null;
    }
    if (!value.matches("\\d{1,6}") || Integer.parseInt(value) == 0) {
      throw new RowRejected(RejectReason.BAD_INTEGER, "capacity " + value + " is not a positive whole number");
    }
    return Integer.parseInt(value);
  }
}
