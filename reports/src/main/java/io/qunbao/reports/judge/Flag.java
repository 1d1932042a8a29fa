package io.qunbao.reports.judge;

/** A headline number against its usual band. */
public enum Flag {
  /** Above the band: ▲. */
  ABOVE,
  /** Below the band: ▼. */
  BELOW,
  /** Inside the band. */
  USUAL,
  /** Too few members, joiners or buyers for the number to mean much: never flagged. */
  SMALL_DENOMINATOR,
  /** Too few days of history for a band, or no value today. */
  NO_BASELINE;

  public boolean isFlagged() {
    return this == ABOVE || this == BELOW;
  }
}
