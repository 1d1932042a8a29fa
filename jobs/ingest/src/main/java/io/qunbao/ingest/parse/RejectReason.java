package io.qunbao.ingest.parse;

/** Machine-readable class of a reject (the {@code reason_class} column of rejects, see Reject.avsc). */
public enum RejectReason {
  BAD_JSON,
  BROKEN_CSV,
  BAD_ENCODING,
  MISSING_FIELD,
  BAD_TIMESTAMP,
  BAD_AMOUNT,
  UNKNOWN_STATUS,
  UNKNOWN_ROLE,
  MANGLED_ID,
  BAD_INTEGER;

  /** The code written into rejects, e.g. {@code bad_timestamp}. */
  public String code() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
