// @ts-check
/**
 * `npm run check`: the static checks, cheapest first, stopping at the first that fails (its
 * output names the file and line). `npm test` runs this before the tests.
 *
 *   biome   formatting and lint of every .ts, .mjs, .astro, .json and .css file, import cycles
 *   sync    `astro sync`: the types of the content collections, which tsc needs
 *   tsc     the types of everything TypeScript: src, scripts, tests and the config files
 *   knip    unused files, exports and dependencies
 *   astro   `astro check`: the types inside .astro components
 */
import { spawnSync } from 'node:child_process';

/** @type {{ name: string; command: string[] }[]} */
const STEPS = [
  { name: 'biome', command: ['biome', 'ci', '--error-on-warnings', '--colors=off', '.'] },
  // The content collections' types (.astro/), which tsc reads, from the current content config.
  { name: 'sync', command: ['astro', 'sync'] },
  { name: 'tsc', command: ['tsc', '--noEmit', '--pretty', 'false', '-p', '.'] },
  { name: 'knip', command: ['knip', '--no-progress'] },
  { name: 'astro', command: ['astro', 'check', '--minimumFailingSeverity', 'warning'] },
];

// astro check must not report usage data (the project sends none, in any command).
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true' };

const started = performance.now();
for (const step of STEPS) {
  const stepStart = performance.now();
  const [bin, ...args] = step.command;
  const result = spawnSync(`node_modules/.bin/${bin}`, args, { stdio: 'inherit', env });
  const seconds = ((performance.now() - stepStart) / 1000).toFixed(1);
  if (result.status !== 0) {
    process.stderr.write(`check: ${step.name} failed (${seconds} s): see its report above\n`);
    process.exit(result.status ?? 1);
  }
  process.stdout.write(`check: ${step.name} passed (${seconds} s)\n`);
}
process.stdout.write(
  `check: all passed in ${((performance.now() - started) / 1000).toFixed(1)} s\n`,
);
