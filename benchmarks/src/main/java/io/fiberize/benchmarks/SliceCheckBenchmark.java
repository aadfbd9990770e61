package io.fiberize.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Measure what time slicing's yield points cost code that computes: three CPU-bound kernels (a
 * tight loop over an array, a recursion without loops, map and list work through the JDK's
 * collections) in a JVM under the agent with {@code slice=0} (no yield points) and with the
 * default {@code slice=10ms}, in the same run ({@link #main}).
 *
 * <p>JMH's worker threads are application threads, so under the agent the kernels run on a fiber,
 * as a program's code would.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class SliceCheckBenchmark {
    private int[] numbers;
    private List<String> words;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(42);
        numbers = random.ints(100_000).toArray();
        words = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            words.add(Integer.toString(random.nextInt(2_000), 36));
        }
    }

    /** A tight loop: one back-edge per element. */
    @Benchmark
    public long arrayLoop() {
        long sum = 0;
        for (int n : numbers) {
            sum += n ^ (n >>> 7);
        }
        return sum;
    }

    /** A recursion without loops: one method entry per call. */
    @Benchmark
    public long recursion() {
        return fib(22);
    }

    /** Counting words in a map: loops in application code around the JDK's collections. */
    @Benchmark
    public int collections() {
        Map<String, Integer> counts = new HashMap<>();
        for (String word : words) {
            counts.merge(word, 1, Integer::sum);
        }
        return counts.size();
    }

    private static long fib(int n) {
        return n < 2 ? n : fib(n - 1) + fib(n - 2);
    }

    /**
     * Run the kernels under the agent ({@code args[0]}: {@code fiberize.jar}) without and with
     * yield points, and print each kernel's time with yield points as a ratio of its time without.
     */
    public static void main(String[] args) throws RunnerException {
        if (args.length != 1 || !Files.isRegularFile(Path.of(args[0]))) {
            System.err.println("usage: SliceCheckBenchmark <path of fiberize.jar>");
            System.exit(2);
        }
        Map<String, Map<String, Double>> scores = new HashMap<>();
        for (String slice : List.of("0", "10ms")) {
            var options = new OptionsBuilder().include(SliceCheckBenchmark.class.getName() + "\\.")
                    .jvmArgsAppend("-javaagent:" + args[0] + "=slice=" + slice).build();
            for (RunResult result : new Runner(options).run()) {
                scores.computeIfAbsent(result.getParams().getBenchmark(), k -> new HashMap<>())
                        .put(slice, result.getPrimaryResult().getScore());
            }
        }
        System.out.println("kernel            slice=0 (us)  slice=10ms (us)  ratio");
        scores.forEach((benchmark, bySlice) -> System.out.printf("%-17s %12.3f  %15.3f  %5.3f%n",
                benchmark.substring(benchmark.lastIndexOf('.') + 1), bySlice.get("0"), bySlice.get("10ms"),
                bySlice.get("10ms") / bySlice.get("0")));
    }
}
