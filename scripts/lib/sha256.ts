/** SHA-256 as hex: the fingerprint behind figure file names, cache keys and freshness checks. */
import { createHash } from 'node:crypto';

/** The SHA-256 of `bytes` (or of a string's UTF-8 bytes), as 64 hex digits. */
export function sha256Hex(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
