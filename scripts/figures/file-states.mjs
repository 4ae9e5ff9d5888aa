// @ts-check
/**
 * What the file system says about the files a build read and wrote, so that the check of an
 * unchanged project (scripts/run-figures.mjs) need not read and hash them all again (4 MB of
 * figures), nor the next build the outputs it keeps (vouched-files.ts), nor the bundle's check
 * its sources (command-bundle.mjs). After a build that leaves a stamp, src/generated/.figure-file-states.json records
 * each file's size, modification and change times and inode, with the stamp's own state. A file
 * whose state is unchanged still has the bytes the build saw: writing a file moves its change
 * time, which no program can set back (git and make rely on file times the same way). A file
 * whose state changed is hashed as before. Plain JavaScript: the check runs without TypeScript.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The file's name inside src/generated/ (its leading dot keeps it out of the site's imports). */
export const FILE_STATES_FILE = '.figure-file-states.json';

/**
 * File times come from a clock that lags the real time by up to a tick of the kernel's timer:
 * a file changed less than this before it was looked at may change again with the same times.
 */
export const MTIME_SLACK_MS = 10;

/**
 * Where a file system keeps whole seconds only (FAT, HFS+, some network mounts), a later write
 * within the same second keeps the times: a change time on a whole second is trusted only after this.
 */
const COARSE_SLACK_MS = 2000;

/** @param {import('node:fs').Stats} stats */
const stateOf = ({ size, mtimeMs, ctimeMs, ino }) => `${size}:${mtimeMs}:${ctimeMs}:${ino}`;

/**
 * One file's state as a string: size, modification and change times (ms, fractional), inode.
 * @param {string} path
 * @returns {string}
 */
export function fileState(path) {
  return stateOf(statSync(path));
}

/**
 * The file's state if it can vouch for bytes read just after it, else null: a file changed
 * within the clock's slack of `now` could be written again, unseen, with the same times.
 * @param {string} path
 * @param {number} [now] the time, in ms since the epoch (tests set it)
 * @returns {string | null}
 */
export function settledFileState(path, now = Date.now()) {
  const stats = statSync(path);
  return isSettled(stats.ctimeMs, now) ? stateOf(stats) : null;
}

/**
 * Whether a file last changed at `ctimeMs` is past the clock's slack at `now`.
 * @param {number} ctimeMs
 * @param {number} now
 */
export function isSettled(ctimeMs, now) {
  const slack = ctimeMs % 1000 === 0 ? COARSE_SLACK_MS : MTIME_SLACK_MS;
  return ctimeMs < now - slack;
}

/**
 * The recorded states if they were recorded for the stamp that is there now, else none.
 * @param {string} generatedDir
 * @param {string} stampState the stamp file's state
 * @returns {Record<string, string>}
 */
export function readFileStates(generatedDir, stampState) {
  try {
    /** @type {{ stamp: string; states: Record<string, string> }} */
    const recorded = JSON.parse(readFileSync(join(generatedDir, FILE_STATES_FILE), 'utf8'));
    return recorded.stamp === stampState ? recorded.states : {};
  } catch {
    return {};
  }
}
