/**
 * LZW compression of GIF frame patches on a worker thread (lzw-worker.mjs): the main thread
 * hands each patch over as soon as it is drawn and goes on drawing the next frame, while the
 * second core compresses. The results come back in the order the patches were sent.
 */
import { Worker } from 'node:worker_threads';
import type { FramePatch } from '../../src/figures/gif-palette.ts';

/** A running compressor: `compress` queues a patch; `close` stops the worker. */
export interface LzwCompressor {
  compress(patch: FramePatch): Promise<Uint8Array>;
  close(): Promise<void>;
}

type Pending = { resolve: (bytes: Uint8Array) => void; reject: (error: Error) => void };

/** Starts one worker thread that compresses patches with gif-encoder-2's LZWEncoder. */
export function startLzwCompressor(): LzwCompressor {
  const worker = new Worker(new URL('./lzw-worker.mjs', import.meta.url));
  const pending = new Map<number, Pending>();
  let nextId = 0;
  // Once the worker has failed or stopped, every patch sent after is refused at once: posted to a
  // stopped worker, it would never be answered, and the build would wait for it forever.
  let stopped: Error | null = null;
  const failAll = (error: Error) => {
    stopped ??= error;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  worker.on('message', ({ id, bytes }: { id: number; bytes: Uint8Array }) => {
    pending.get(id)?.resolve(bytes);
    pending.delete(id);
  });
  worker.on('error', failAll);
  worker.on('exit', (code) => failAll(new Error(`the LZW worker stopped (exit code ${code})`)));
  return {
    compress(patch) {
      if (stopped !== null) return Promise.reject(stopped);
      const id = nextId++;
      const { width, height } = patch.rect;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // Handed over, not copied: the patch's indices are its own array (the caller keeps only
        // its rectangle), never a view of shared memory.
        const indices = patch.indices.buffer as ArrayBuffer;
        worker.postMessage({ id, width, height, indices: patch.indices }, [indices]);
      });
    },
    close: async () => {
      await worker.terminate();
    },
  };
}
