// SPDX-License-Identifier: Apache-2.0
package uis.flink;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Meter;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.Scheduled;

/**
 * Rows in and out per operator for the run overlay (runners/uis_runners/flink/nodecounts.py reads
 * what it writes). Operator-scope numRecordsIn/numRecordsOut counters count every record an
 * operator takes and emits, also inside a chain, where the REST API's vertex IO metrics see only
 * the traffic between tasks. The counters live in the task: when a bounded job finishes they are
 * removed, and that is when their final value is kept, so a job that ends before any poll still
 * reports exact counts. While it runs, a snapshot is written every reporter interval.
 *
 * <p>Output: one file per Flink job, {@code <dir>/<job id>.json}, replaced atomically:
 * {"operators": [{"name", "task", "subtask", "in", "out", "rate", "rate_in", "live"}]} (`task`: the chain,
 * "Source: a[1] -> Calc[2]", which places an operator whose name has no plan number).
 */
public class NodeCountsReporter implements MetricReporter, Scheduled {
    private static final String IN = "numRecordsIn";
    private static final String OUT = "numRecordsOut";
    private static final String RATE = "numRecordsOutPerSecond";
    private static final String RATE_IN = "numRecordsInPerSecond";

    private static boolean wanted(String name) {
        return IN.equals(name) || OUT.equals(name) || RATE.equals(name) || RATE_IN.equals(name);
    }

    /** One operator subtask: its live metrics while it runs, the last values after. */
    private static final class Slot {
        volatile Counter in;
        volatile Counter out;
        volatile Meter rate;
        volatile Meter rateIn;
        volatile long inFinal;
        volatile long outFinal;
        volatile String name;
        volatile String task;
        volatile int subtask;
    }

    /** Flink job id → operator id/subtask → its slot. */
    private final Map<String, Map<String, Slot>> jobs = new ConcurrentHashMap<>();
    private Path dir;

    @Override
    public void open(MetricConfig config) {
        dir = Paths.get(config.getString("dir", System.getProperty("java.io.tmpdir")));
    }

    @Override
    public void close() {
        for (String job : jobs.keySet()) write(job);
    }

    @Override
    public void report() {
        for (String job : jobs.keySet()) write(job);
    }

    private static Slot slot(Map<String, Slot> ops, Map<String, String> vars) {
        String op = vars.get("<operator_id>") + "/" + vars.get("<subtask_index>");
        return ops.computeIfAbsent(op, k -> new Slot());
    }

    @Override
    public void notifyOfAddedMetric(Metric metric, String name, MetricGroup group) {
        if (!wanted(name)) return;
        Map<String, String> vars = group.getAllVariables();
        String job = vars.get("<job_id>");
        if (job == null || !vars.containsKey("<operator_id>")) return; // task scope: between tasks
        Slot s = slot(jobs.computeIfAbsent(job, k -> new ConcurrentHashMap<>()), vars);
        s.name = vars.get("<operator_name>");
        s.task = vars.get("<task_name>");
        s.subtask = Integer.parseInt(vars.getOrDefault("<subtask_index>", "0"));
        // A restarted attempt registers new metrics: they replace the old attempt's.
        if (IN.equals(name) && metric instanceof Counter) s.in = (Counter) metric;
        else if (OUT.equals(name) && metric instanceof Counter) s.out = (Counter) metric;
        else if (RATE.equals(name) && metric instanceof Meter) s.rate = (Meter) metric;
        else if (metric instanceof Meter) s.rateIn = (Meter) metric;
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String name, MetricGroup group) {
        if (!wanted(name)) return;
        Map<String, String> vars = group.getAllVariables();
        String job = vars.get("<job_id>");
        Map<String, Slot> ops = job == null ? null : jobs.get(job);
        if (ops == null || !vars.containsKey("<operator_id>")) return;
        Slot s = slot(ops, vars);
        boolean removed = false;
        if (metric == s.in) {
            s.inFinal = s.in.getCount();
            s.in = null;
            removed = true;
        } else if (metric == s.out) {
            s.outFinal = s.out.getCount();
            s.out = null;
            removed = true;
        } else if (metric == s.rate) {
            s.rate = null;
        } else if (metric == s.rateIn) {
            s.rateIn = null;
        }
        // The last counter of a finished task: keep its final value on disk at once (the
        // mini-cluster of a bounded job shuts down right after).
        if (removed) write(job);
    }

    private synchronized void write(String job) {
        Map<String, Slot> ops = jobs.get(job);
        if (ops == null || dir == null) return;
        StringBuilder b = new StringBuilder("{\"operators\": [");
        boolean first = true;
        for (Slot s : new TreeMap<>(ops).values()) {
            if (s.name == null) continue;
            Counter in = s.in, out = s.out;
            Meter rate = s.rate, rateIn = s.rateIn;
            b.append(first ? "\n" : ",\n");
            first = false;
            b.append("{\"name\": ").append(quote(s.name));
            b.append(", \"task\": ").append(quote(s.task == null ? "" : s.task));
            b.append(", \"subtask\": ").append(s.subtask);
            b.append(", \"in\": ").append(in != null ? in.getCount() : s.inFinal);
            b.append(", \"out\": ").append(out != null ? out.getCount() : s.outFinal);
            if (rate != null) b.append(", \"rate\": ").append(rate.getRate());
            if (rateIn != null) b.append(", \"rate_in\": ").append(rateIn.getRate());
            b.append(", \"live\": ").append(in != null || out != null).append('}');
        }
        b.append("\n]}\n");
        try {
            Files.createDirectories(dir);
            Path tmp = dir.resolve(job + ".json.tmp");
            Files.write(tmp, b.toString().getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, dir.resolve(job + ".json"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // Counts are for display; a full disk must not fail the job.
        }
    }

    private static String quote(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }
}
