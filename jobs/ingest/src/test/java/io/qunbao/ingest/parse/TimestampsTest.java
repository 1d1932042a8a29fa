package io.qunbao.ingest.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TimestampsTest {
  private final Timestamps shanghai = new Timestamps(ZoneId.of("Asia/Shanghai"));

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      // given each accepted form of 2026-11-22 20:15:03 in Shanghai (UTC+8) = 12:15:03Z
      "2026-11-22T20:15:03+08:00     | 2026-11-22T12:15:03Z",
      "2026-11-22T12:15:03Z          | 2026-11-22T12:15:03Z",
      "2026-11-22T20:15:03.250+08:00 | 2026-11-22T12:15:03.250Z",
      "2026-11-22T20:15:03           | 2026-11-22T12:15:03Z",
      "2026-11-22 20:15:03           | 2026-11-22T12:15:03Z",
      // 1795349703000 ms = 2026-11-22T12:15:03Z (1795349703 s after the epoch)
      "1795349703000                 | 2026-11-22T12:15:03Z",
      "2026-11-22T04:15:03-08:00     | 2026-11-22T12:15:03Z"})
  void readsEveryFormOfTheContract(String text, String utc) throws RowRejected {
    // when parsed, then it is the same UTC instant
    assertThat(shanghai.parse("sent_at", text)).isEqualTo(Instant.parse(utc));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2026/11/22", "2026/11/22 20:15:03", "2026-11-22T20:15:03+0800", "45983.84",
      "1795349703", "22/11/2026 20:15", "yesterday", "2026-11-22", "17953497030000", "2026-11-22 20:15:3x",
      "２026-11-22 20:15:03", "2026-11-22 20:15"})
  void rejectsEverythingElse(String text) {
    assertThatThrownBy(() -> shanghai.parse("sent_at", text))
        .isInstanceOf(RowRejected.class)
        .hasMessage("sent_at " + text + " is none of the time stamp forms")
        .extracting(e -> ((RowRejected) e).reason()).isEqualTo(RejectReason.BAD_TIMESTAMP);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2026-13-01 10:00:00", "2026-02-30 10:00:00", "2026-11-22T24:10:00", "2026-02-29T10:00:00+08:00",
      "2026-11-22 20:60:00", "2026-11-22 20:15:60", "2026-00-10 10:00:00"})
  void rejectsImpossibleDates(String text) {
    assertThatThrownBy(() -> shanghai.parse("scanned_at", text))
        .isInstanceOf(RowRejected.class)
        .hasMessage("scanned_at " + text + " is an impossible date");
  }

  @Test
  void readsAJsonIntegerAsEpochMillisButNotSeconds() throws RowRejected {
    assertThat(shanghai.fromEpochMillis("sent_at", 1790827200000L)).isEqualTo(Instant.parse("2026-10-01T04:00:00Z"));
    assertThatThrownBy(() -> shanghai.fromEpochMillis("sent_at", 1790827200L))
        .isInstanceOf(RowRejected.class).hasMessageContaining("not epoch milliseconds");
  }

  @Test
  void readsLocalTimesInTheConfiguredZone() throws RowRejected {
    // given the business zone UTC, then a local time is that UTC time
    assertThat(new Timestamps(ZoneId.of("UTC")).parse("t", "2026-11-22 20:15:03"))
        .isEqualTo(Instant.parse("2026-11-22T20:15:03Z"));
  }
}
