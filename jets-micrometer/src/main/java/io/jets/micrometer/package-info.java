/**
 * Micrometer integration: {@link io.jets.micrometer.JetsMetrics} registers gauges and counters for
 * jets tables and processes. Meters read the same figures as {@code Table.info()}, {@code
 * Table.stats()} and {@code Proc.info()}, with the same meaning (see the vocabulary in {@code
 * io.jets.table}).
 */
package io.jets.micrometer;
