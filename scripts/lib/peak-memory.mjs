// @ts-check
/**
 * Loaded with `node --import` by the benchmarks: when the process exits, it writes its peak
 * resident memory (the high-water mark of the process and all its threads, in KiB) to the file
 * named by PEAK_MEMORY_FILE.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.PEAK_MEMORY_FILE;
if (file !== undefined && file !== '')
  process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
