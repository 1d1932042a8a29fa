package io.qunbao.common;

/**
 * Exit codes of {@code scripts/qunbao}, for schedulers (README, "Exit codes"). Each failure class
 * has its own code so cron wrappers and alerting can tell them apart.
 */
public enum ExitCode {
  OK(0, "success"),
  FAILED(1, "the run failed (see the log); rerun the same date to resume"),
  USAGE(2, "bad usage or configuration: fix the command line or the config file"),
  DATA_QUALITY(3, "a data-quality gate failed; nothing was published for the failing step"),
  LOCKED(4, "another run holds the lock; nothing was done"),
  NO_EXPORTS(5, "no exports at all for a date that expected some");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}
