// @ts-check
/**
 * Loaded with `node --import` by the benchmarks: when the process exits, it writes what it used
 * to the file named by RESOURCE_USAGE_FILE, as JSON: its peak resident memory (the high-water mark
 * of the process and all its threads, in KiB) and its CPU time (user and system, all threads, in
 * microseconds). CPU time varies less than wall time on a machine whose speed drifts, and shows
 * work moved to another thread that the wall time hides.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.RESOURCE_USAGE_FILE;
if (file !== undefined && file !== '')
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuMicroseconds = usage.userCPUTime + usage.systemCPUTime;
    writeFileSync(file, JSON.stringify({ maxRssKiB: usage.maxRSS, cpuMicroseconds }));
  });
