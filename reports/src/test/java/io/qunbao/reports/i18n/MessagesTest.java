package io.qunbao.reports.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MessagesTest {
  @Test
  void bothLanguagesHaveTheSameKeys() {
    // A key only one bundle has would fail the other language's report at render time.
    assertThat(new Messages("en").all().keySet()).isEqualTo(new Messages("zh").all().keySet());
  }

  @Test
  void groupTypesUseTheSpecsLabels() {
    // spec/exports.md, "Group type codes and their labels"
    Messages zh = new Messages("zh");
    assertThat(zh.groupType("traffic")).isEqualTo("引流群");
    assertThat(zh.groupType("new_user")).isEqualTo("新人群");
    assertThat(zh.groupType("sale")).isEqualTo("秒杀群");
    assertThat(new Messages("en").groupType("superfan")).isEqualTo("super fans");
    // the unattributed row, and a code outside the spec kept as written
    assertThat(zh.groupType(null)).isEqualTo("未归因");
    assertThat(zh.groupType("wholesale")).isEqualTo("wholesale");
    assertThat(GroupTypes.colour("wholesale")).isNotIn(GroupTypes.CODES.stream().map(GroupTypes::colour).toList());
  }
}
