package io.qunbao.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdsAndLabelsTest {
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.23457E+18", "2.5E+17", "1E5", "9.9e-3", "1.2E+100"})
  void rejectsIdsExcelTurnedIntoScientificNotation(String id) {
    assertThatThrownBy(() -> Ids.check("order_id", id)).isInstanceOf(RowRejected.class)
        .hasMessage("order_id " + id + " is an id mangled into scientific notation");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"00123", "E12", "1E", "12E+18", "1.2E+1000", "o1", "wrOJgHxx1E3"})
  void keepsEveryOtherIdAsWritten(String id) throws RowRejected {
    assertThat(Ids.check("order_id", id)).isEqualTo(id);
  }

  @Test
  void mapsChineseLabelsAndFoldsTheCaseOfCodes() throws RowRejected {
    assertThat(Labels.status("已发货")).isEqualTo("shipped");
    assertThat(Labels.status("Refunded")).isEqualTo("refunded");
    assertThat(Labels.role("客服")).isEqualTo("service");
    assertThat(Labels.role("KOC")).isEqualTo("koc");
    assertThat(Labels.role("马甲号")).isEqualTo("shill");
    assertThat(Labels.groupType("VIP群")).isEqualTo("vip");
    assertThat(Labels.groupType("训练营")).isEqualTo("camp");
  }

  @Test
  void keepsAnUnknownGroupTypeButRejectsAnUnknownStatusOrRole() {
    assertThat(Labels.groupType("Partner")).isEqualTo("Partner");
    assertThatThrownBy(() -> Labels.status("shipping")).hasMessage("status shipping is not a known status");
    assertThatThrownBy(() -> Labels.role("实习生")).hasMessage("role 实习生 is not a known role");
  }
}
