/** SHA-256 of files, each read once per build, so every key of one build sees the same bytes. */
import { readFileSync } from 'node:fs';
import { sha256Hex } from '../lib/sha256.ts';

/** Hashes files by absolute path, remembering each. */
export interface FileHashes {
  hash(path: string): string;
}

/** A new memo of file hashes (one per build: a file edited between builds is read again). */
export function createFileHashes(): FileHashes {
  const hashes = new Map<string, string>();
  return {
    hash(path) {
      let hash = hashes.get(path);
      if (hash === undefined) {
        hash = sha256Hex(readFileSync(path));
        hashes.set(path, hash);
      }
      return hash;
    },
  };
}
