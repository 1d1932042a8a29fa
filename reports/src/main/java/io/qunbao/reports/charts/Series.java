package io.qunbao.reports.charts;

import java.awt.Color;
import java.util.List;

/**
 * One group type's values in a chart: its label (in the report's language), its colour (the same
 * in every chart) and one value per category or x position; a null value is a gap, never a zero.
 */
public record Series(String label, Color colour, List<Double> values) {}
