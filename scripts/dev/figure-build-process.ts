/**
 * One figure build as `npm run dev` runs it: `node scripts/run-figures.mjs` in a child process
 * (so changed engine and drawing code take effect), its lines passed on as they come, and its
 * outcome recorded for the page: a failed build's message is shown there
 * (src/components/FigureBuildError.astro) until a build succeeds.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { clearBuildError, writeBuildError } from './error-file.ts';

/** A running build: its process, and a promise for how it ended. */
export interface FigureBuildProcess {
  child: ChildProcess;
  finished: Promise<{ ok: boolean }>;
}

/** Starts the figure build of the project at `root`; `log` gets each line it prints. */
export function startFigureBuild(
  root: string,
  generatedDir: string,
  log: (line: string) => void,
): FigureBuildProcess {
  const started = performance.now();
  let errors = '';
  const child = spawn(process.execPath, [join(root, 'scripts', 'run-figures.mjs')], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.setEncoding('utf8').on('data', (text: string) => {
    for (const line of text.split('\n')) if (line !== '') log(line);
  });
  child.stderr!.setEncoding('utf8').on('data', (text: string) => {
    errors += text;
    process.stderr.write(text.replace(/^(?=.)/gm, '[figures] '));
  });
  const finished = new Promise<{ ok: boolean }>((done) => {
    child.on('close', (code, signal) => {
      if (signal === 'SIGTERM') return done({ ok: false }); // stopped by `npm run dev` itself
      if (code === 0) {
        clearBuildError(generatedDir);
        return done({ ok: true });
      }
      const message =
        errors.trim() === ''
          ? `the figure build stopped (${signal ?? `exit code ${code}`})`
          : errors.trim();
      writeBuildError(generatedDir, { message, exitCode: code });
      const seconds = ((performance.now() - started) / 1000).toFixed(2);
      log(`build failed after ${seconds} s: the page shows the error until a build succeeds`);
      done({ ok: false });
    });
  });
  return { child, finished };
}
