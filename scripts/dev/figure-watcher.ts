/**
 * Watching what the figure build reads (watch-list.ts): one fs.watch per folder, calling
 * `onChange` with the path of each file that matters. Made anew after every build, since a
 * build may read new files.
 */
import { type FSWatcher, watch } from 'node:fs';
import { join } from 'node:path';
import { mattersForFigures, watchList } from './watch-list.ts';

/** Watches the current inputs of the figure build; `close` stops it. */
export function watchFigureInputs(
  root: string,
  generatedDir: string,
  onChange: (path: string) => void,
): { close(): void } {
  const list = watchList(root, generatedDir);
  const watchers: FSWatcher[] = [];
  for (const folder of list.folders) {
    try {
      watchers.push(
        watch(folder, (_event, name) => {
          if (name !== null && mattersForFigures(join(folder, name), list, root))
            onChange(join(folder, name));
        }),
      );
    } catch {
      // a folder that does not exist (yet): nothing in it can matter
    }
  }
  return {
    close() {
      for (const watcher of watchers) watcher.close();
    },
  };
}
