/**
 * Two figure builds into the same folder at once (`npm run dev` rebuilding while `npm run build`
 * starts, say): the second waits for the first, their writes never interleave, and both finish
 * with every output whole; a lock left by a killed build is taken over; a build that waits too
 * long stops with a message naming the other.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BuildLockError, withBuildLock } from '../../../scripts/figures/build-lock.ts';
import { copyProject } from '../../helpers/project-copy.ts';

const project = copyProject('figures-lock-');
afterAll(() => rmSync(project, { recursive: true, force: true }));

/** Starts `npm run figures` in the copy; resolves with its exit code and output. */
function figures(env: Record<string, string> = {}): {
  done: Promise<{ code: number | null; stdout: string }>;
  stdout: () => string;
  kill: () => void;
} {
  const child = spawn(process.execPath, ['scripts/run-figures.mjs', '--force'], {
    cwd: project,
    env: { ...process.env, ...env },
  });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stdout += text));
  const done = new Promise<{ code: number | null; stdout: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout })),
  );
  return { done, stdout: () => stdout, kill: () => child.kill('SIGKILL') };
}

/** Resolves once `check` holds, polling. */
async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('two builds into one folder', () => {
  it('never write at once: the second waits while the first holds the lock, then finishes with whole outputs', async () => {
    // The first build stops after writing its figure files, holding the lock.
    const first = figures({ FIGURES_TEST_STOP_AFTER: 'files' });
    await until(() => first.stdout().includes('stopped after files'));
    const second = figures();
    await until(() => second.stdout().includes('waiting for the figure build of process'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    // While the first holds the lock, the second has made nothing.
    expect(second.stdout()).not.toMatch(/^(missing|stale) /m);
    // The first is killed there (as Ctrl-C or kill -9 would): the second takes the lock over.
    first.kill();
    const [a, b] = await Promise.all([first.done, second.done]);
    expect(a.code).toBeNull();
    expect(b.code, b.stdout).toBe(0);
    expect(b.stdout, b.stdout).toMatch(/^(stale|missing) +training-set /m);
    const manifest = JSON.parse(readFileSync(join(project, 'src/generated/figures.json'), 'utf8'));
    for (const entry of Object.values(manifest.figures) as { src: string }[]) {
      expect(existsSync(join(project, 'public', entry.src)), entry.src).toBe(true);
    }
  }, 120_000);
});

describe('the lock', () => {
  const dir = join(project, 'lock-test');
  mkdirSync(dir, { recursive: true });

  it('is taken over from a process that no longer runs', async () => {
    writeFileSync(join(dir, '.build.lock'), '999999999\n');
    expect(await withBuildLock(dir, async () => 'built')).toBe('built');
    expect(existsSync(join(dir, '.build.lock'))).toBe(false);
  });

  it("stops a build that waited too long, naming the other build's process", async () => {
    writeFileSync(join(dir, '.build.lock'), `${process.ppid}\n`);
    await expect(withBuildLock(dir, async () => 'built', { waitMs: 100 })).rejects.toThrow(
      BuildLockError,
    );
    await expect(withBuildLock(dir, async () => 'built', { waitMs: 100 })).rejects.toThrow(
      `another figure build (process ${process.ppid})`,
    );
    rmSync(join(dir, '.build.lock'));
  });
});
