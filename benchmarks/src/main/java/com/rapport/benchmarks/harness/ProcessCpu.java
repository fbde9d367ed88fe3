package com.rapport.benchmarks.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU time the platform's processes spent, read from {@code /proc/<pid>/stat} for the pids {@code ./platform} keeps
 * in {@code <run dir>/pids}: taken before and after a measurement, the difference says where a request's CPU went
 * (gateway, portal-web, each service, Keycloak). Linux only; elsewhere, or for a process that is gone, nothing.
 */
public final class ProcessCpu {

	/** Clock ticks a second of {@code /proc/<pid>/stat}'s {@code utime} and {@code stime} (USER_HZ, 100 on Linux). */
	static final int TICKS_PER_SECOND = 100;

	private final Path pids;

	public ProcessCpu(Path runDir) {
		this.pids = runDir.resolve("pids");
	}

	/** CPU milliseconds (user and system) of each platform process now, by its name. */
	public Map<String, Long> snapshot() {
		Map<String, Long> millis = new LinkedHashMap<>();
		if (!Files.isDirectory(pids)) {
			return millis;
		}
		try (var files = Files.list(pids)) {
			files.filter(file -> file.getFileName().toString().endsWith(".pid")).sorted().forEach(file -> {
				String name = file.getFileName().toString().replaceFirst("\\.pid$", "");
				Long cpu = cpuMillis(file);
				if (cpu != null) {
					millis.put(name, cpu);
				}
			});
		}
		catch (IOException ex) {
			return millis;
		}
		return millis;
	}

	/** The CPU milliseconds each process spent between two snapshots (processes in both only). */
	public static Map<String, Long> between(Map<String, Long> before, Map<String, Long> after) {
		Map<String, Long> spent = new LinkedHashMap<>();
		after.forEach((name, millis) -> {
			Long earlier = before.get(name);
			if (earlier != null) {
				spent.put(name, millis - earlier);
			}
		});
		return spent;
	}

	/** CPU milliseconds a second of each process over {@code seconds}. */
	public static Map<String, Double> perSecond(Map<String, Long> spent, double seconds) {
		Map<String, Double> rates = new LinkedHashMap<>();
		spent.forEach((name, millis) -> rates.put(name, seconds > 0 ? millis / seconds : 0));
		return rates;
	}

	/**
	 * Each process's CPU milliseconds per call: what it spent over {@code seconds}, less its background rate for
	 * as long (never below zero), over {@code calls}; rounded to a tenth.
	 */
	public static Map<String, Double> perCall(Map<String, Long> spent, Map<String, Double> backgroundPerSecond,
			double seconds, int calls) {
		Map<String, Double> perCall = new LinkedHashMap<>();
		spent.forEach((name, millis) -> {
			double background = backgroundPerSecond.getOrDefault(name, 0.0) * seconds;
			double ms = Math.max(0, millis - background) / calls;
			perCall.put(name, Math.round(ms * 10) / 10.0);
		});
		return perCall;
	}

	private static Long cpuMillis(Path pidFile) {
		try {
			String pid = Files.readString(pidFile).strip();
			return parseStat(Files.readString(Path.of("/proc", pid, "stat")));
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	/**
	 * User plus system CPU in milliseconds from a {@code /proc/<pid>/stat} line: fields 14 and 15, counted after
	 * the command name in parentheses (which may itself hold spaces and parentheses).
	 */
	static long parseStat(String stat) {
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		// fields[0] is field 3 (state): utime is field 14, stime field 15
		long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		return ticks * 1000 / TICKS_PER_SECOND;
	}
}
