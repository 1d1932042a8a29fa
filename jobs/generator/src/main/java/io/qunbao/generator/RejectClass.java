package io.qunbao.generator;

import java.util.Locale;

/** Why an injected bad row must be rejected: the {@code reason_class} of expected_rejects.csv. */
public enum RejectClass {
  BAD_JSON,
  BROKEN_CSV,
  BAD_ENCODING,
  MISSING_FIELD,
  BAD_TIMESTAMP,
  BAD_AMOUNT,
  UNKNOWN_STATUS,
  UNKNOWN_ROLE,
  MANGLED_ID;

  /** The code written to expected_rejects.csv, e.g. {@code bad_timestamp}. */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }
}
