package io.qunbao.generator;

/**
 * A column of a CSV export with its English and Chinese header (exports.md); {@code index} is its place
 * in the canonical order, where row values are kept before a file writes them in its own order.
 */
record CsvColumn(int index, String english, String chinese) {}
