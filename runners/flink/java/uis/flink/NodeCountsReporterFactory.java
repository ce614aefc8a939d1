// SPDX-License-Identifier: Apache-2.0
package uis.flink;

import java.util.Properties;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

/** `metrics.reporter.<name>.factory.class` of NodeCountsReporter (Flink loads reporters so). */
public class NodeCountsReporterFactory implements MetricReporterFactory {
    @Override
    public MetricReporter createMetricReporter(Properties properties) {
        return new NodeCountsReporter();
    }
}
