/**
 * The outputs whose bytes the last build's file states still vouch for (file-states.mjs): each
 * is in the state recorded after that build, so it holds the bytes its stamp names, and the plan
 * and the next record of states can take that hash instead of reading the file again.
 */
import { join } from 'node:path';
import { readStamp, STAMP_FILE } from './build-cache.ts';
import { fileState, readFileStates } from './file-states.mjs';

/** An output file as the last build left it: its state then (still its state now) and its bytes' SHA-256. */
export interface VouchedFile {
  state: string;
  sha256: string;
}

/** The files the stamp in `generatedDir` lists as outputs and that are still in their recorded state, by absolute path. */
export function vouchedOutputs(generatedDir: string): Map<string, VouchedFile> {
  const vouched = new Map<string, VouchedFile>();
  // The stamp's state before its text (as the check does): states recorded for an earlier stamp are not used.
  let stampState: string;
  try {
    stampState = fileState(join(generatedDir, STAMP_FILE));
  } catch {
    return vouched;
  }
  const states = readFileStates(generatedDir, stampState);
  const stamp = readStamp(generatedDir);
  if (stamp === null) return vouched;
  for (const [path, sha256] of Object.entries(stamp.outputs)) {
    const state = states[path];
    if (state !== undefined && currentState(path) === state) vouched.set(path, { state, sha256 });
  }
  return vouched;
}

/** The file's state now, or null if it is gone. */
function currentState(path: string): string | null {
  try {
    return fileState(path);
  } catch {
    return null;
  }
}
