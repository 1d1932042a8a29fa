package io.qunbao.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountsTest {
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "199.00     | 199.00",
      "¥1,299.00  | 1299.00",
      "￥15.00     | 15.00",
      "2,000.00   | 2000.00",
      "1,234,567.5| 1234567.50",
      "0          | 0.00",
      "¥ 8        | 8.00"})
  void readsTheSpellingsOfTheContract(String text, String expected) throws RowRejected {
    assertThat(Amounts.parse("amount", text.strip())).isEqualTo(new BigDecimal(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "-5.00     | amount -5.00 is negative",
      "12.345    | amount 12.345 has more than two decimals",
      "abc       | amount abc is not an amount",
      "1,29.00   | amount 1,29.00 is not an amount",
      "12,34     | amount 12,34 is not an amount",
      "1.2E+3    | amount 1.2E+3 is not an amount",
      "$5.00     | amount $5.00 is not an amount"})
  void rejectsTheRest(String text, String message) {
    assertThatThrownBy(() -> Amounts.parse("amount", text.strip()))
        .isInstanceOf(RowRejected.class).hasMessage(message)
        .extracting(e -> ((RowRejected) e).reason()).isEqualTo(RejectReason.BAD_AMOUNT);
  }
}
