/** SHA-256 of files, each read once per build, so every key of one build sees the same bytes. */
import { readFileSync } from 'node:fs';
import { sha256Hex } from '../lib/sha256.ts';
import { settledFileState } from './file-states.mjs';

/** Hashes files by absolute path, remembering each. */
export interface FileHashes {
  hash(path: string): string;
  /** The file's state when it was read for its hash (file-states.mjs), or null if it was too new to vouch for the bytes, or not read. */
  stateWhenRead(path: string): string | null;
}

/** A new memo of file hashes (one per build: a file edited between builds is read again). */
export function createFileHashes(): FileHashes {
  const hashes = new Map<string, { hash: string; state: string | null }>();
  const read = (path: string) => {
    let known = hashes.get(path);
    if (known === undefined) {
      // The state first: a write after it shows as another state, even if it lands before the read.
      const state = settledFileState(path);
      known = { hash: sha256Hex(readFileSync(path)), state };
      hashes.set(path, known);
    }
    return known;
  };
  return {
    hash: (path) => read(path).hash,
    stateWhenRead: (path) => hashes.get(path)?.state ?? null,
  };
}
