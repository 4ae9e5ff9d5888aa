/**
 * One figure build at a time per output folder: a lock file in src/generated/ that holds the
 * builder's process id. A second build (`npm run build` while `npm run dev` rebuilds, say) waits
 * for the first to finish, or stops with a message naming it; their writes never interleave. A
 * lock whose process is gone (a killed build) is taken over.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The lock file's name inside src/generated/ (not .json: the site never imports it). */
const LOCK_FILE = '.build.lock';

/** Another build held the lock for longer than we would wait. */
export class BuildLockError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BuildLockError';
  }
}

/** How long to wait for another build, and what to say while waiting. */
export interface LockOptions {
  waitMs?: number;
  onWait?: (holderPid: number) => void;
}

/** Whether process `pid` is alive. */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock if it is free (or held by a dead process); returns the live holder's pid otherwise. */
function tryLock(path: string): number | null {
  try {
    writeFileSync(path, `${process.pid}\n`, { flag: 'wx' });
    return null;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const holder = Number.parseInt(readTextOrEmpty(path), 10);
  if (Number.isInteger(holder) && holder !== process.pid && isRunning(holder)) return holder;
  // A dead builder's lock (or one half written): take it over.
  rmSync(path, { force: true });
  return tryLock(path);
}

function readTextOrEmpty(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** Runs `build` holding the lock of `generatedDir`, waiting up to options.waitMs (default 2 minutes) for another build. */
export async function withBuildLock<T>(
  generatedDir: string,
  build: () => Promise<T>,
  options: LockOptions = {},
): Promise<T> {
  mkdirSync(generatedDir, { recursive: true });
  const path = join(generatedDir, LOCK_FILE);
  const waitMs = options.waitMs ?? 120_000;
  const started = Date.now();
  let told = false;
  for (let holder = tryLock(path); holder !== null; holder = tryLock(path)) {
    if (!told) options.onWait?.(holder);
    told = true;
    if (Date.now() - started > waitMs) {
      throw new BuildLockError(
        `another figure build (process ${holder}) is writing into ${generatedDir} and has not finished in ${Math.round(waitMs / 1000)} s; ` +
          `wait for it or stop it (a lock left by a killed build is taken over by itself: ${path})`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  try {
    return await build();
  } finally {
    if (readTextOrEmpty(path).trim() === String(process.pid)) rmSync(path, { force: true });
  }
}
