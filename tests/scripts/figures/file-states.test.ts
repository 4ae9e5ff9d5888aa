/** The file states that spare the unchanged check its hashing (scripts/figures/file-states.mjs). */
import { mkdirSync, mkdtempSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { STAMP_FILE } from '../../../scripts/figures/build-cache.ts';
import { createFileHashes } from '../../../scripts/figures/file-hashes.ts';
import {
  FILE_STATES_FILE,
  fileState,
  isSettled,
  MTIME_SLACK_MS,
  readFileStates,
  settledFileState,
} from '../../../scripts/figures/file-states.mjs';
import { vouchedOutputs } from '../../../scripts/figures/vouched-files.ts';

const dir = mkdtempSync(join(tmpdir(), 'file-states-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('file states', () => {
  it("are a file's size, modification and change times and inode", () => {
    const file = join(dir, 'a.txt');
    writeFileSync(file, 'four');
    const { mtimeMs, ctimeMs, ino } = statSync(file);
    expect(fileState(file)).toBe(`4:${mtimeMs}:${ctimeMs}:${ino}`);
  });

  it('vouch for nothing while a file may still change within the clock’s slack', () => {
    const file = join(dir, 'b.txt');
    writeFileSync(file, 'new');
    const { ctimeMs } = statSync(file);
    expect(settledFileState(file, ctimeMs + MTIME_SLACK_MS / 2)).toBeNull();
    expect(settledFileState(file, ctimeMs + 3 * MTIME_SLACK_MS)).toBe(fileState(file));
    // Times kept in whole seconds: a second write within the second would keep them.
    expect(isSettled(5000.25, 5000.25 + 3 * MTIME_SLACK_MS)).toBe(true);
    expect(isSettled(5000, 5000 + 3 * MTIME_SLACK_MS)).toBe(false);
    expect(isSettled(5000, 7001)).toBe(true);
  });

  it('are taken, when a file is hashed, before it is read', async () => {
    const file = join(dir, 'c.txt');
    writeFileSync(file, 'new');
    await sleep(3 * MTIME_SLACK_MS);
    const later = createFileHashes();
    later.hash(file);
    expect(later.stateWhenRead(file)).toBe(fileState(file));
    // A state is the one from before the read: a later write does not replace it.
    writeFileSync(file, 'old');
    expect(later.stateWhenRead(file)).not.toBe(fileState(file));
    expect(later.stateWhenRead(join(dir, 'never-read'))).toBeNull();
  });

  it('are read only for the stamp they were recorded with', () => {
    const states = { '/x': '1:2:3:4' };
    writeFileSync(join(dir, FILE_STATES_FILE), JSON.stringify({ stamp: 'S', states }));
    expect(readFileStates(dir, 'S')).toEqual(states);
    expect(readFileStates(dir, 'T')).toEqual({});
    writeFileSync(join(dir, FILE_STATES_FILE), '{ not json');
    expect(readFileStates(dir, 'S')).toEqual({});
    expect(readFileStates(join(dir, 'missing'), 'S')).toEqual({});
  });

  it('vouch for the outputs the stamp names while each keeps its recorded state', () => {
    const generated = join(dir, 'generated');
    mkdirSync(generated);
    const [kept, rewritten, touched, unrecorded] = ['k', 'r', 't', 'u'].map((name) => {
      const path = join(dir, `${name}.png`);
      writeFileSync(path, name);
      return path;
    }) as [string, string, string, string];
    const outputs = {
      [kept]: 'hash-k',
      [rewritten]: 'hash-r',
      [touched]: 'hash-t',
      [unrecorded]: 'hash-u',
    };
    writeFileSync(join(generated, STAMP_FILE), JSON.stringify({ outputs }));
    const record = (stamp: string) =>
      writeFileSync(
        join(generated, FILE_STATES_FILE),
        JSON.stringify({
          stamp,
          states: Object.fromEntries([kept, rewritten, touched].map((p) => [p, fileState(p)])),
        }),
      );
    record(fileState(join(generated, STAMP_FILE)));
    // Another size, so that its state moves even where file times are coarse.
    writeFileSync(rewritten, 'rr');
    utimesSync(touched, new Date(5_000), new Date(5_000));
    const vouched = vouchedOutputs(generated);
    // The stamp's hash, not the file's: the state stands for the bytes it was recorded with.
    expect([...vouched]).toEqual([[kept, { state: fileState(kept), sha256: 'hash-k' }]]);
    // States recorded with another stamp vouch for nothing.
    record(`${fileState(join(generated, STAMP_FILE))}0`);
    expect(vouchedOutputs(generated).size).toBe(0);
    rmSync(join(generated, STAMP_FILE));
    expect(vouchedOutputs(generated).size).toBe(0);
  });
});
