package io.qunbao.generator;

/** The time stamp forms exports.md accepts; the generator uses every one of them. */
enum TimeForm {
  /** {@code 2026-11-22 20:15:03} in the business zone: what Excel and most Chinese SaaS exports write. */
  LOCAL_SPACE,
  /** {@code 2026-11-22T20:15:03}, ISO-8601 without an offset, read in the business zone. */
  ISO_LOCAL,
  /** {@code 2026-11-22T20:15:03+08:00}. */
  ISO_OFFSET,
  /** {@code 2026-11-22T20:15:03.000+08:00}, with milliseconds. */
  ISO_OFFSET_MILLIS,
  /** {@code 2026-11-22T12:15:03Z}, UTC. */
  ISO_UTC,
  /** {@code 1795349703000}: a JSON integer in chat, a 13-digit field in CSV. */
  EPOCH_MILLIS
}
