/**
 * What the benchmarks share: a temporary copy of the project to build in, and one figure build
 * run as its own process (as `npm run figures` runs it), timed from spawn to exit, with its
 * report (FIGURES_REPORT) and its peak memory.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** What a figure build reports through FIGURES_REPORT (scripts/figures.ts, scripts/run-figures.mjs). */
interface BuildReportFile {
  fastPath: boolean;
  totalMs: number;
  processMs: number;
  trained?: string[];
  trainMs?: number;
  trainThreads?: number;
  outputs: {
    id: string;
    made: boolean;
    format: string;
    bytes?: number;
    ms?: number;
    width?: number;
    height?: number;
  }[];
}

/** One build: its wall time, its peak resident memory, its CPU time (all threads) and its report. */
export interface Timing {
  wallMs: number;
  peakBytes: number;
  cpuMs: number;
  report: BuildReportFile;
}

/** A temporary copy of the project to build in: sources, content and package.json, node_modules linked. */
export function copyProject(prefix = 'bench-figures-'): string {
  const copy = mkdtempSync(join(tmpdir(), prefix));
  for (const entry of ['src', 'scripts', 'content', 'package.json', 'tsconfig.json']) {
    cpSync(join(PROJECT_ROOT, entry), join(copy, entry), {
      recursive: true,
      filter: (source) => !source.startsWith(join(PROJECT_ROOT, 'src', 'generated')),
    });
  }
  symlinkSync(join(PROJECT_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

/** The command the benchmarks time: the launcher of `npm run figures`. */
export const LAUNCHER = ['scripts/run-figures.mjs'];

/** Runs `node ...args` in `cwd`, timing it from spawn to exit; returns its FIGURES_REPORT, peak memory and CPU time. */
export function timed(cwd: string, args: string[], env: Record<string, string> = {}): Timing {
  const reportFile = join(cwd, 'bench-report.json');
  const usageFile = join(cwd, 'bench-resource-usage.json');
  rmSync(reportFile, { force: true });
  rmSync(usageFile, { force: true });
  const usage = pathToFileURL(join(PROJECT_ROOT, 'scripts', 'lib', 'resource-usage.mjs')).href;
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--import', usage, ...args], {
    cwd,
    env: { ...process.env, ...env, FIGURES_REPORT: reportFile, RESOURCE_USAGE_FILE: usageFile },
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const wallMs = performance.now() - start;
  if (result.status !== 0)
    throw new Error(
      `node ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`,
    );
  const used = JSON.parse(readFileSync(usageFile, 'utf8')) as {
    maxRssKiB: number;
    cpuMicroseconds: number;
  };
  return {
    wallMs,
    peakBytes: 1024 * used.maxRssKiB,
    cpuMs: used.cpuMicroseconds / 1000,
    report: JSON.parse(readFileSync(reportFile, 'utf8')) as BuildReportFile,
  };
}

/** Milliseconds as "1.23 s". */
export const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
