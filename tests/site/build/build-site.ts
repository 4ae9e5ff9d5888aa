/**
 * Running the site's build from tests: `npm run build` or `astro build` in a project directory,
 * with output kept for the error message if it fails.
 */
import { spawn } from 'node:child_process';

/**
 * Variables vitest sets in its own process (BASE_URL, MODE, NODE_ENV=test, ...): a build must not
 * inherit them, or Vite would take BASE_URL=/ from the environment instead of astro.config.mjs.
 */
const TEST_RUNNER_VARIABLES = [
  'BASE_URL',
  'MODE',
  'DEV',
  'PROD',
  'SSR',
  'NODE_ENV',
  'TEST',
  'VITEST',
  'VITEST_MODE',
  'VITEST_POOL_ID',
  'VITEST_WORKER_ID',
];

/** process.env without the test runner's variables. */
function cleanEnvironment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of TEST_RUNNER_VARIABLES) delete env[name];
  return env;
}

/** Runs `command args` in `cwd` with extra environment variables; resolves with its output, rejects with it on failure. */
export function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string> = {},
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...cleanEnvironment(), ASTRO_TELEMETRY_DISABLED: '1', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(output);
      else
        reject(
          new Error(
            `${command} ${args.join(' ')} in ${cwd} exited with ${code}:\n${output.slice(-6000)}`,
          ),
        );
    });
  });
}
