/**
 * `npm run dev`: Astro's development server, with the figures kept up to date.
 *
 * Builds the figures once, starts `astro dev` (arguments after `--` go to it), then watches
 * every file the figure build reads (scripts/dev/watch-list.ts). A save there runs the figure
 * build again in a new process, so changed engine and drawing code take effect; it redraws only
 * what is stale, and the new src/generated/figures.json and results files make the page reload.
 * A failed build prints its message and shows it in the page (src/components/FigureBuildError.astro)
 * until a build succeeds. Ctrl-C stops everything.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { type FSWatcher, watch } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearBuildError, writeBuildError } from './dev/error-file.ts';
import { mattersForFigures, type WatchList, watchList } from './dev/watch-list.ts';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const GENERATED_DIR = join(PROJECT_ROOT, 'src', 'generated');
const FIGURES_COMMAND = join(PROJECT_ROOT, 'scripts', 'run-figures.mjs');
const ASTRO_COMMAND = join(PROJECT_ROOT, 'node_modules', 'astro', 'astro.js');
/** Editors save a file in several steps: wait this long after the last change before building. */
const DEBOUNCE_MS = 150;

/** Starts the first figure build, then Astro and the watcher; returns when all are running (Ctrl-C or SIGTERM stops them). */
async function startDev(astroArgs: readonly string[]): Promise<void> {
  let astro: ChildProcess | null = null;
  let build: ChildProcess | null = null;
  let watchers: FSWatcher[] = [];
  let list: WatchList = { files: new Set(), folders: [] };
  let pending = false;
  let timer: NodeJS.Timeout | undefined;
  let stopping = false;

  const log = (text: string) => process.stdout.write(`[figures] ${text}\n`);

  /** Runs the figure build in a child process; resolves when it has finished (errors are recorded for the page, not thrown). */
  const buildFigures = () =>
    new Promise<void>((done) => {
      const started = performance.now();
      let errors = '';
      build = spawn(process.execPath, [FIGURES_COMMAND], {
        cwd: PROJECT_ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      build.stdout!.setEncoding('utf8').on('data', (text: string) => {
        for (const line of text.split('\n')) if (line !== '') log(line);
      });
      build.stderr!.setEncoding('utf8').on('data', (text: string) => {
        errors += text;
        process.stderr.write(text.replace(/^(?=.)/gm, '[figures] '));
      });
      build.on('close', (code, signal) => {
        build = null;
        if (stopping) return done();
        if (code === 0) {
          clearBuildError(GENERATED_DIR);
        } else {
          const message =
            errors.trim() === ''
              ? `the figure build stopped (${signal ?? `exit code ${code}`})`
              : errors.trim();
          writeBuildError(GENERATED_DIR, { message, exitCode: code });
          log(
            `build failed after ${((performance.now() - started) / 1000).toFixed(2)} s: the page shows the error until a build succeeds`,
          );
        }
        done();
      });
    });

  /** Watches the folders of the current watch list (again after each build: the build may read new files). */
  const rewatch = () => {
    for (const watcher of watchers) watcher.close();
    list = watchList(PROJECT_ROOT, GENERATED_DIR);
    watchers = [];
    for (const folder of list.folders) {
      try {
        watchers.push(
          watch(folder, (_event, name) => {
            if (name !== null && mattersForFigures(join(folder, name), list, PROJECT_ROOT))
              schedule(join(folder, name));
          }),
        );
      } catch {
        // a folder that does not exist (yet): nothing in it can matter
      }
    }
  };

  const rebuild = async () => {
    do {
      pending = false;
      await buildFigures();
      if (!stopping) rewatch();
    } while (pending && !stopping);
  };

  /** Builds soon; if a build is running, once more after it. */
  const schedule = (path: string) => {
    if (stopping) return;
    clearTimeout(timer);
    timer = setTimeout(() => {
      log(`changed: ${path.startsWith(PROJECT_ROOT) ? path.slice(PROJECT_ROOT.length + 1) : path}`);
      if (build !== null) pending = true;
      else void rebuild();
    }, DEBOUNCE_MS);
  };

  /** Stops the watchers and both children, then exits. */
  const stop = () => {
    if (stopping) return;
    stopping = true;
    clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
    const children = [astro, build].filter(
      (child): child is ChildProcess => child !== null && child.exitCode === null,
    );
    if (children.length === 0) process.exit(0);
    let running = children.length;
    for (const child of children) {
      child.once('close', () => {
        if (--running === 0) process.exit(0);
      });
      child.kill('SIGTERM');
    }
    setTimeout(() => process.exit(0), 5000).unref();
  };

  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  await buildFigures();
  if (stopping) return;
  rewatch();
  // No telemetry and no update check: the dev server makes no request beyond this machine.
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true' };
  astro = spawn(process.execPath, [ASTRO_COMMAND, 'dev', ...astroArgs], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env,
  });
  astro.on('close', (code) => {
    astro = null;
    if (!stopping) {
      process.stderr.write(
        `astro dev stopped (exit code ${code}); stopping the figure watcher too\n`,
      );
      stop();
    }
  });
}

await startDev(process.argv.slice(2));
