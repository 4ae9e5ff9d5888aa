/**
 * The figure command bundled by esbuild (scripts/figures/command-bundle.mjs), in a few files:
 * reused while its sources are unchanged, made again when one changes, each file keeping its own import.meta.url,
 * and giving the same outputs as the TypeScript run through tsx (trained on two threads, the
 * worker bundled too, or on one).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  bundleFigureCommand as bundle,
  readBefore,
} from '../../../scripts/figures/command-bundle.mjs';
import { fileState, MTIME_SLACK_MS } from '../../../scripts/figures/file-states.mjs';
import { copyProject, hashTree } from '../../helpers/project-copy.ts';

const copies: string[] = [];
afterAll(() => {
  for (const copy of copies) rmSync(copy, { recursive: true, force: true });
});
function copy(): string {
  const dir = copyProject('command-bundle-');
  copies.push(dir);
  return dir;
}

/** `node scripts/run-figures.mjs` in `cwd`; throws unless it exits with 0. */
function figures(cwd: string, env: Record<string, string> = {}): string {
  const run = spawnSync(process.execPath, ['scripts/run-figures.mjs'], {
    cwd,
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`figures failed (${run.status}): ${run.stderr}`);
  return run.stdout;
}

describe('the bundled figure command', () => {
  it('bundles the command and every figure module, and reuses the bundle while nothing changed', async () => {
    const project = copy();
    const first = await bundle(project);
    expect(first).not.toBeNull();
    const figureFiles = first!.figureModules;
    expect(figureFiles.length).toBeGreaterThan(0);
    for (const file of figureFiles) expect(file).toContain(join(project, 'content', 'figures'));
    // In the entry's own file (each file costs Node's loader a millisecond or two), none apart.
    const entry = readFileSync(fileURLToPath(first!.entry), 'utf8');
    for (const file of figureFiles) expect(entry).toContain(JSON.stringify(file));
    const bundleDir = join(fileURLToPath(first!.entry), '..');
    expect(existsSync(join(bundleDir, 'content'))).toBe(false);
    expect(readdirSync(bundleDir).length).toBeLessThan(12);
    const workers = ['page-worker.ts', 'train-worker.ts'].map((name) =>
      join(project, 'scripts', 'figures', name),
    );
    expect([...first!.workers.keys()].sort()).toEqual(workers);
    for (const worker of workers)
      expect(existsSync(fileURLToPath(first!.workers.get(worker)!))).toBe(true);
    const record = join(bundleDir, '..', 'bundle.json');
    const written = statSync(record).mtimeMs;
    const again = await bundle(project);
    expect(again!.entry).toBe(first!.entry);
    expect(statSync(record).mtimeMs).toBe(written);
  });

  it('makes a new bundle when a source it includes changes, or a figure module is added', async () => {
    const project = copy();
    const first = await bundle(project);
    // (A comment would not do: esbuild leaves comments out, so the bundle would be the same.)
    appendFileSync(join(project, 'src', 'figures', 'theme.ts'), '\nObject.freeze(COLOURS);\n');
    const second = await bundle(project);
    expect(second!.entry).not.toBe(first!.entry);
    const extra = join(project, 'content', 'figures', 'extra-copy.ts');
    writeFileSync(extra, readFileSync(join(project, 'content', 'figures', 'network.ts')));
    const third = await bundle(project);
    expect(third!.figureModules).toContain(extra);
    expect(second!.figureModules).not.toContain(extra);
  });

  it('sees a source rewritten with its size and modification time kept (its change time moves)', async () => {
    const project = copy();
    const first = await bundle(project);
    const theme = join(project, 'src', 'figures', 'theme.ts');
    const { atime, mtime } = statSync(theme);
    const text = readFileSync(theme, 'utf8');
    // Same length, another value: the bundle must change.
    writeFileSync(
      theme,
      text.replace(/'#([0-9a-f])/i, (_, d: string) => `'#${d === '0' ? '1' : '0'}`),
    );
    utimesSync(theme, atime, mtime);
    expect(statSync(theme).size).toBe(text.length);
    const second = await bundle(project);
    expect(second!.entry).not.toBe(first!.entry);
  });

  it('vouches for a source esbuild read itself only if it was settled before the bundling began', async () => {
    const project = copy();
    const source = join(project, 'scripts', 'figures', 'file-states.mjs');
    writeFileSync(source, readFileSync(source));
    // Rewritten just now: it could have changed between esbuild's read and the hash.
    expect(readBefore(source, Date.now())).toBeNull();
    await sleep(3 * MTIME_SLACK_MS);
    const settled = readBefore(source, Date.now());
    expect(settled).toEqual({
      sha256: createHash('sha256').update(readFileSync(source)).digest('hex'),
      state: fileState(source),
    });
  });

  it('keeps the module closures beside the bundle, and uses them when src/generated/ is gone', async () => {
    const project = copy();
    figures(project);
    const { cacheDir } = (await bundle(project))!;
    const kept = join(cacheDir, '.module-closures.json');
    const generated = join(project, 'src', 'generated', '.module-closures.json');
    expect(readFileSync(kept, 'utf8')).toBe(readFileSync(generated, 'utf8'));
    // A copy that only the kept file can give: the network figure made of itself alone.
    const memo = JSON.parse(readFileSync(kept, 'utf8')) as { closures: Record<string, string[]> };
    const network = join(project, 'content', 'figures', 'network.ts');
    expect(memo.closures[network]!.length).toBeGreaterThan(1);
    memo.closures[network] = [network];
    writeFileSync(kept, `${JSON.stringify(memo)}\n`);
    rmSync(join(project, 'src', 'generated'), { recursive: true, force: true });
    rmSync(join(project, 'public'), { recursive: true, force: true });
    figures(project);
    const used = JSON.parse(readFileSync(generated, 'utf8')) as typeof memo;
    expect(used.closures[network]).toEqual([network]);
  });

  it('keeps each file its own import.meta.url, and builds the same bytes as the TypeScript through tsx', () => {
    // The bundled build also trains on two threads (its worker bundled too), the other on one.
    const bundled = copy();
    const throughTsx = copy();
    for (const project of [bundled, throughTsx]) {
      // A figure whose caption shows where its module thinks it is.
      const figure = join(project, 'content', 'figures', 'network.ts');
      writeFileSync(
        figure,
        readFileSync(figure, 'utf8').replace(
          /caption: (`|')/,
          (_, quote: string) => `caption: new URL(import.meta.url).pathname + ' ' + ${quote}`,
        ),
      );
    }
    const threaded = figures(bundled, { FIGURES_TRAINING_THREADS: '2' });
    expect(threaded).toMatch(/^trained .*: \d+ ms on 2 threads$/m);
    const single = figures(throughTsx, { FIGURES_NO_BUNDLE: '1', FIGURES_TRAINING_THREADS: '1' });
    expect(single).toMatch(/^trained .*: \d+ ms$/m);
    const manifest = JSON.parse(
      readFileSync(join(bundled, 'src', 'generated', 'figures.json'), 'utf8'),
    ) as { figures: Record<string, { caption: string }> };
    expect(
      manifest.figures.network!.caption.startsWith(
        join(bundled, 'content', 'figures', 'network.ts'),
      ),
    ).toBe(true);
    const a = hashTree(join(bundled, 'public'));
    const b = hashTree(join(throughTsx, 'public'));
    expect(a.size).toBeGreaterThan(10);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    for (const [path, hash] of a) expect(b.get(path), path).toBe(hash);
  }, 60_000);
});
