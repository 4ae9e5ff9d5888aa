/**
 * `npm run dev`: Astro's development server, with the figures kept up to date.
 *
 * Builds the figures once, starts `astro dev` (arguments after `--` go to it), then watches
 * every file the figure build reads (scripts/dev/watch-list.ts). A save there runs the figure
 * build again in a new process (scripts/dev/figure-build-process.ts); it redraws only what is
 * stale, and the new src/generated/figures.json and results files make the page reload. A failed
 * build prints its message and shows it in the page until a build succeeds. Ctrl-C stops everything.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFigureBuild } from './dev/figure-build-process.ts';
import { watchFigureInputs } from './dev/figure-watcher.ts';

const PROJECT_ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const GENERATED_DIR = join(PROJECT_ROOT, 'src', 'generated');
const ASTRO_COMMAND = join(PROJECT_ROOT, 'node_modules', 'astro', 'astro.js');
/** Editors save a file in several steps: wait this long after the last change before building. */
const DEBOUNCE_MS = 150;

const log = (text: string) => process.stdout.write(`[figures] ${text}\n`);

/** What `npm run dev` is running at a given moment. */
interface DevState {
  astro: ChildProcess | null;
  build: ChildProcess | null;
  watcher: { close(): void } | null;
  /** A change came in during a build: build once more after it. */
  pending: boolean;
  timer: NodeJS.Timeout | undefined;
  stopping: boolean;
}

/** Runs the figure build until no change came in meanwhile, watching the inputs anew after each. */
async function buildUntilCurrent(state: DevState): Promise<void> {
  do {
    state.pending = false;
    const build = startFigureBuild(PROJECT_ROOT, GENERATED_DIR, log);
    state.build = build.child;
    await build.finished;
    state.build = null;
    if (state.stopping) return;
    state.watcher?.close();
    state.watcher = watchFigureInputs(PROJECT_ROOT, GENERATED_DIR, (path) => schedule(state, path));
  } while (state.pending);
}

/** Builds soon after a change; if a build is running, once more after it. */
function schedule(state: DevState, path: string): void {
  if (state.stopping) return;
  clearTimeout(state.timer);
  state.timer = setTimeout(() => {
    log(`changed: ${path.startsWith(PROJECT_ROOT) ? path.slice(PROJECT_ROOT.length + 1) : path}`);
    if (state.build !== null) state.pending = true;
    else void buildUntilCurrent(state);
  }, DEBOUNCE_MS);
}

/** Stops the watcher and both children, then exits. */
function stop(state: DevState): void {
  if (state.stopping) return;
  state.stopping = true;
  clearTimeout(state.timer);
  state.watcher?.close();
  const children = [state.astro, state.build].filter(
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
}

/** Starts `astro dev`; its end ends `npm run dev`. No telemetry and no update check: the dev server makes no request beyond this machine. */
function startAstro(state: DevState, astroArgs: readonly string[]): void {
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_DISABLE_UPDATE_CHECK: 'true' };
  state.astro = spawn(process.execPath, [ASTRO_COMMAND, 'dev', ...astroArgs], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
    env,
  });
  state.astro.on('close', (code) => {
    state.astro = null;
    if (state.stopping) return;
    process.stderr.write(
      `astro dev stopped (exit code ${code}); stopping the figure watcher too\n`,
    );
    stop(state);
  });
}

/** The first figure build, then Astro and the watcher (Ctrl-C or SIGTERM stops them). */
async function startDev(astroArgs: readonly string[]): Promise<void> {
  const state: DevState = {
    astro: null,
    build: null,
    watcher: null,
    pending: false,
    timer: undefined,
    stopping: false,
  };
  process.on('SIGINT', () => stop(state));
  process.on('SIGTERM', () => stop(state));
  await buildUntilCurrent(state);
  if (!state.stopping) startAstro(state, astroArgs);
}

await startDev(process.argv.slice(2));
