/**
 * The built site for the explorer's browser tests: dist/ as `npm run build` leaves it, rebuilt
 * only when it is missing or older than a file it is built from. Under `npm test` the site
 * tests' global setup has just built it, so this finds it fresh and does nothing.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The project's root directory. */
export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');

/** What the site is built from; public/generated/ is left out because the build itself writes it. */
const INPUTS = ['src', 'content', 'public', 'scripts', 'astro.config.mjs', 'package.json'];

/** The newest modification time (ms) of any file under `path`, skipping generated output. */
function newestInput(path: string): number {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) {
    const child = join(path, entry.name);
    if (entry.isDirectory() && (child.endsWith(join('public', 'generated')) || child.endsWith(join('src', 'generated')))) continue;
    newest = Math.max(newest, newestInput(child));
  }
  return newest;
}

/** True when dist/index.html exists and is newer than every input of the build. */
export function distIsFresh(root = PROJECT_ROOT): boolean {
  const page = join(root, 'dist', 'index.html');
  if (!existsSync(page)) return false;
  const built = statSync(page).mtimeMs;
  return INPUTS.every((input) => newestInput(join(root, input)) <= built);
}

/** Runs `npm run build` unless dist/ is fresh; returns dist's path. Rejects with the build's output on failure. */
export async function ensureBuiltSite(root = PROJECT_ROOT): Promise<string> {
  const dist = join(root, 'dist');
  if (distIsFresh(root)) return dist;
  await new Promise<void>((done, fail) => {
    const child = spawn('npm', ['run', 'build'], {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', fail);
    child.on('close', (code) => (code === 0 ? done() : fail(new Error(`npm run build exited with ${code}:\n${output.slice(-4000)}`))));
  });
  return dist;
}
