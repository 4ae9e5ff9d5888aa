/**
 * The build's progress on a stream: whole lines, and on a terminal a progress bar for the
 * animation's frames that the lines print above. Off a terminal (CI, a pipe) only the lines.
 */

/** The part of a stream the progress writes to (process.stdout, or a fake in tests). */
export interface ProgressStream {
  write(text: string): unknown;
  isTTY?: boolean;
}

/** Prints lines, and a frame bar when `stream` is a terminal. */
export interface Progress {
  line(text: string): void;
  frames(label: string, done: number, total: number): void;
  /** Removes the bar, if one is shown. */
  clear(): void;
}

const BAR_WIDTH = 30;

/** A Progress on `stream`; the bar is drawn only if stream.isTTY. */
export function createProgress(stream: ProgressStream): Progress {
  const tty = stream.isTTY === true;
  let bar = '';
  const clearBar = () => {
    if (bar !== '') stream.write('\r\x1b[K');
  };
  return {
    line(text) {
      clearBar();
      stream.write(`${text}\n`);
      if (bar !== '') stream.write(bar);
    },
    frames(label, done, total) {
      if (!tty) return;
      const filled = Math.round((BAR_WIDTH * done) / total);
      clearBar();
      bar =
        done >= total
          ? ''
          : `drawing  ${label.padEnd(20)} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${done}/${total} frames`;
      if (bar !== '') stream.write(bar);
      else stream.write('\r\x1b[K');
    },
    clear() {
      clearBar();
      bar = '';
    },
  };
}
