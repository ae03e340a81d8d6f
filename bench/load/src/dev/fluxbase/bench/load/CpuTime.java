package dev.fluxbase.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time (user + system) of processes as Linux accounts it in {@code /proc/<pid>/stat}, in
 * milliseconds: one process (the server's JVM, all its threads), or a PostgreSQL cluster, which is its
 * postmaster, every live child (backends, background workers) and every child that has exited since the
 * postmaster started (its {@code cutime + cstime}: a backend that ends between two readings still counts).
 */
final class CpuTime {

    private static final long TICKS_PER_SECOND = clockTicks();

    private CpuTime() {
    }

    /** User + system time of one process. */
    static long processMillis(long pid) throws IOException {
        long[] stat = stat(Path.of("/proc", String.valueOf(pid), "stat"));
        return millis(stat[UTIME] + stat[STIME]);
    }

    /** The cluster whose postmaster.pid lies in {@code dataDir}: the postmaster, its live children and its exited ones. */
    static long clusterMillis(Path dataDir) throws IOException {
        long postmaster = Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).strip());
        long[] own = stat(Path.of("/proc", String.valueOf(postmaster), "stat"));
        long ticks = own[UTIME] + own[STIME] + own[CUTIME] + own[CSTIME];
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), path -> path.getFileName().toString().matches("\\d+"))) {
            for (Path process : processes) {
                try {
                    long[] stat = stat(process.resolve("stat"));
                    if (stat[PPID] == postmaster) {
                        ticks += stat[UTIME] + stat[STIME];
                    }
                } catch (IOException | RuntimeException gone) {
                    // exited while we looked: its time is in the postmaster's cutime/cstime now
                }
            }
        }
        return millis(ticks);
    }

    // Indexes into the fields after the command name: field 3 of stat(5) (state) is index 0.
    private static final int PPID = 1;
    private static final int UTIME = 11;
    private static final int STIME = 12;
    private static final int CUTIME = 13;
    private static final int CSTIME = 14;

    /** The numeric fields of a stat line after "(comm)", which may hold spaces; the state letter reads as 0. */
    private static long[] stat(Path file) throws IOException {
        String line = Files.readString(file, StandardCharsets.US_ASCII);
        String[] fields = line.substring(line.lastIndexOf(')') + 2).trim().split(" ");
        long[] values = new long[CSTIME + 1];
        for (int i = 1; i < values.length; i++) {
            values[i] = Long.parseLong(fields[i]);
        }
        return values;
    }

    private static long millis(long ticks) {
        return ticks * 1000 / TICKS_PER_SECOND;
    }

    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return getconf.waitFor() == 0 ? Long.parseLong(out) : 100;
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100; // USER_HZ on every mainstream Linux
        }
    }
}
