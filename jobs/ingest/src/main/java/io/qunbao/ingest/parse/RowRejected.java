package io.qunbao.ingest.parse;

/**
 * A row that cannot be accepted, with a reason a person can act on. Expected and frequent in bad
 * exports, so it carries no stack trace.
 */
public final class RowRejected extends Exception {
  private final RejectReason reason;

  public RowRejected(RejectReason reason, String message) {
    super(message, null, false, false);
    this.reason = reason;
  }

  public RejectReason reason() {
    return reason;
  }
}
