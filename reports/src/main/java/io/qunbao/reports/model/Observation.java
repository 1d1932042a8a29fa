package io.qunbao.reports.model;

/**
 * One value of a headline metric with the counts it is made of ({@code numerator} of
 * {@code denominator} for a rate); a null value is a rate over nobody.
 */
public record Observation(Double value, Long numerator, Long denominator) {}
