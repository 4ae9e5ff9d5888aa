/**
 * The whole figure build, run twice from nothing into temporary directories: byte-identical
 * outputs, the manifest and results in the agreed shapes, pixel sizes, and the animation's
 * frames, timing and size read back from the GIF bytes.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedFigure } from '../../../scripts/figures/figure-modules.ts';
import { registerFigureFonts } from '../../../scripts/figures/fonts.ts';
import { renderFigures } from '../../../scripts/figures/render.ts';
import { deviceRects } from '../../../scripts/figures/render-gif.ts';
import { type BuildReport, runFigureBuild } from '../../../scripts/figures/run-build.ts';
import type { GifFigure } from '../../../src/figures/figure-definition.ts';
import { fullSizeId } from '../../../src/figures/figure-manifest.ts';
import {
  createPaletteMapper,
  FRAME_TOLERANCE,
  figurePalette,
} from '../../../src/figures/gif-palette.ts';
import {
  drawTrainingFrame,
  trainingFrameInputs,
} from '../../../src/figures/training-frame-figure.ts';
import { generateDatasets } from '../../../src/nn/datasets.ts';
import { DivergenceError } from '../../../src/nn/errors.ts';
import { MAX_FRAMES } from '../../../src/nn/frame-schedule.ts';
import { DEFAULT_SETTINGS } from '../../../src/nn/settings.ts';
import { train } from '../../../src/nn/train.ts';
import type { RunRecord } from '../../../src/nn/types.ts';
import { projectFigures, sourcesOf } from '../../helpers/figures.ts';
import { readBuiltHistory } from '../../helpers/history-file.ts';
import { hashTree } from '../../helpers/project-copy.ts';
import { compositeFrames, readGif } from '../../helpers/read-gif.ts';

const FIGURE_IDS = [
  'training-set',
  'network',
  'network-trained',
  'training-animation',
  'training-animation-still',
  'data-matrices',
  'initial-parameters',
  'loss-accuracy',
  'validation-1',
  'validation-2',
  'himmelblau',
  'hidden-weights',
];

const roots: string[] = [];
let record: RunRecord;
let first: BuildReport;
let rootA: string;
let rootB: string;

function trainDefault(): RunRecord {
  return train(DEFAULT_SETTINGS, generateDatasets(DEFAULT_SETTINGS.dataSeed));
}

/** A build of the whole project from nothing into a new temporary folder. */
async function build(): Promise<[string, BuildReport]> {
  const root = mkdtempSync(join(tmpdir(), 'figures-'));
  roots.push(root);
  return [root, await runFigureBuild({ outRoot: root, mode: 'build', codeLoadedAt: null })];
}

function manifestOf(root: string) {
  return JSON.parse(readFileSync(join(root, 'src', 'generated', 'figures.json'), 'utf8')) as {
    figures: Record<
      string,
      {
        src: string;
        width: number;
        height: number;
        displayWidth: number;
        alt: string;
        caption: string;
      }
    >;
    downloads: Record<string, { src: string; label: string; bytes: number }>;
  };
}

beforeAll(async () => {
  record = trainDefault();
  [rootA, first] = await build();
  // A second, independent build: it trains and draws everything again.
  [rootB] = await build();
}, 120_000);

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

describe('reruns', () => {
  it('give byte-identical files, every one of them', () => {
    const a = hashTree(rootA);
    const b = hashTree(rootB);
    // The figures and CSV files, figures.json, the cache, the memos of the pages' references
    // and of the module closures, and each experiment's results and stored run.
    const manifest = manifestOf(rootA);
    const experiments = readdirSync(join(rootA, 'src', 'generated', 'results')).length;
    expect(experiments).toBeGreaterThan(0);
    const named = Object.keys(manifest.figures).length + Object.keys(manifest.downloads).length;
    expect(a.size).toBe(named + 4 + 2 * experiments);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    for (const [path, hash] of a) expect(b.get(path), path).toBe(hash);
  });
});

describe('figures.json', () => {
  it('lists the figures and the six downloads of each experiment, each naming a file that exists, named by its content hash', () => {
    const manifest = manifestOf(rootA);
    expect(Object.keys(manifest.figures)).toEqual(expect.arrayContaining(FIGURE_IDS));
    expect(Object.keys(manifest.downloads)).toEqual(
      expect.arrayContaining([
        'tutorial/train-csv',
        'tutorial/validation-1-csv',
        'tutorial/validation-2-csv',
        'tutorial/python',
        'tutorial/notebook',
        'tutorial/history-csv',
      ]),
    );
    const experiments = readdirSync(join(rootA, 'src', 'generated', 'results')).length;
    expect(Object.keys(manifest.downloads)).toHaveLength(6 * experiments);
    for (const entry of [
      ...Object.values(manifest.figures),
      ...Object.values(manifest.downloads),
    ]) {
      expect(entry.src).toMatch(
        /^generated\/(figures|data)\/[a-z0-9][a-z0-9.-]*\.[0-9a-f]{8}\.(png|svg|gif|csv|py|ipynb)$/,
      );
      const bytes = readFileSync(join(rootA, 'public', entry.src));
      const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
      expect(entry.src).toContain(`.${hash}.`);
    }
    for (const [id, entry] of Object.entries(manifest.figures)) {
      expect(entry.alt.length, id).toBeGreaterThan(60);
      expect(entry.caption.length, id).toBeGreaterThan(20);
      expect(entry.displayWidth, id).toBeLessThanOrEqual(720);
    }
    const csv = manifest.downloads['tutorial/train-csv']!;
    expect(csv.bytes).toBe(statSync(join(rootA, 'public', csv.src)).size);
    expect(csv).toMatchObject({ fileName: 'tutorial-train.csv', format: 'CSV' });
    expect(manifest.downloads['tutorial/python']).toMatchObject({
      fileName: 'tutorial.py',
      format: 'Python',
    });
    expect(manifest.downloads['tutorial/notebook']).toMatchObject({
      fileName: 'tutorial.ipynb',
      format: 'Jupyter notebook',
    });
  });

  it('has a still of the animation: its last frame, the same shape, an alt text that says so', () => {
    const { figures } = manifestOf(rootA);
    const [gif, still] = [figures['training-animation']!, figures['training-animation-still']!];
    expect(still.src).toMatch(/\.png$/);
    // The same layout at another pixel ratio: 1.5 for the GIF, 2 for the PNG.
    expect([still.width / 2, still.height / 2]).toEqual([gif.width / 1.5, gif.height / 1.5]);
    expect(still.alt).toMatch(
      new RegExp(
        `^The last frame of the training animation, iteration ${record.settings.iterations}\\. Each frame shows`,
      ),
    );
    expect(still.alt.endsWith(gif.alt.slice(gif.alt.indexOf('. ') + 2))).toBe(true);
  });

  it('says in the alt text of the curves where accuracy first reaches 1', () => {
    const firstPerfect = record.history.findIndex((h) => h.accuracy === 1);
    expect(firstPerfect).toBeGreaterThan(0);
    expect(manifestOf(rootA).figures['loss-accuracy']!.alt).toContain(`iteration ${firstPerfect}`);
    expect(manifestOf(rootA).figures['training-animation']!.alt).toContain(
      `iteration ${firstPerfect}`,
    );
  });
});

/** Width and height of a PNG, from its IHDR chunk (bytes 16..23, big-endian). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** A PNG file's pixels as Skia decodes them (RGBA, row after row). */
async function decodedPixels(path: string) {
  const image = await loadImage(readFileSync(path));
  const canvas = createCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  ctx.drawImage(image, 0, 0);
  return {
    width: image.width,
    height: image.height,
    data: ctx.getImageData(0, 0, image.width, image.height).data,
  };
}

describe('pixel sizes', () => {
  it('raster figures are at least 1.5 times their displayed width, and the manifest states their true size', () => {
    const manifest = manifestOf(rootA);
    for (const [id, entry] of Object.entries(manifest.figures)) {
      const bytes = readFileSync(join(rootA, 'public', entry.src));
      if (entry.src.endsWith('.svg')) {
        // Vector: its own size is the displayed size.
        expect(entry.width, id).toBe(entry.displayWidth);
        expect(bytes.toString('utf8')).toContain(`width="${entry.width}" height="${entry.height}"`);
        continue;
      }
      const size = entry.src.endsWith('.png')
        ? pngSize(bytes)
        : { width: bytes.readUInt16LE(6), height: bytes.readUInt16LE(8) };
      expect(size, id).toEqual({ width: entry.width, height: entry.height });
      // A half size is for screens of one device pixel per CSS pixel; the others for sharper ones.
      const least = id.endsWith('.half') ? 1 : 1.5;
      expect(entry.width, id).toBeGreaterThanOrEqual(least * entry.displayWidth);
    }
  });

  it('writes each PNG drawing at half size too, each pixel the rounded mean of a 2 x 2 block of it', async () => {
    const { figures } = manifestOf(rootA);
    const halves = Object.keys(figures).filter((id) => id.endsWith('.half'));
    const pngs = Object.keys(figures).filter((id) => figures[id]!.src.endsWith('.png'));
    // Every PNG but the social cards has one; no SVG or GIF does.
    expect(halves.sort()).toEqual(
      pngs
        .filter((id) => !id.endsWith('.half') && !id.startsWith('card-'))
        .map((id) => `${id}.half`)
        .sort(),
    );
    for (const id of halves) {
      const full = await decodedPixels(join(rootA, 'public', figures[fullSizeId(id)]!.src));
      const half = await decodedPixels(join(rootA, 'public', figures[id]!.src));
      expect([half.width, half.height], id).toEqual([
        Math.ceil(full.width / 2),
        Math.ceil(full.height / 2),
      ]);
      // The figures are opaque: a block's mean is the plain mean of each channel, half up.
      const at = (x: number, y: number, c: number) => full.data[4 * (y * full.width + x) + c]!;
      let wrong = 0;
      for (let y = 0; y < half.height; y++)
        for (let x = 0; x < half.width; x++)
          for (let c = 0; c < 4; c++) {
            const [x0, y0] = [2 * x, 2 * y];
            const xs = x0 + 1 < full.width ? [x0, x0 + 1] : [x0];
            const ys = y0 + 1 < full.height ? [y0, y0 + 1] : [y0];
            const values = ys.flatMap((yy) => xs.map((xx) => at(xx, yy, c)));
            const mean = Math.floor(values.reduce((a, b) => a + b, 0) / values.length + 0.5);
            if (half.data[4 * (y * half.width + x) + c] !== mean) wrong++;
          }
      expect(wrong, id).toBe(0);
    }
  });
});

describe('the training animation', () => {
  const gifOf = (root: string) =>
    readFileSync(join(root, 'public', manifestOf(root).figures['training-animation']!.src));

  it('has one frame per snapshot (41 for the defaults), 100 ms each, the last held 2 s, looping, in <= 300 KB in both schemes', () => {
    const bytes = gifOf(rootA);
    expect(bytes.length).toBeLessThanOrEqual(300 * 1024);
    const dark = manifestOf(rootA).figures['training-animation.dark']!;
    expect(readFileSync(join(rootA, 'public', dark.src)).length).toBeLessThanOrEqual(300 * 1024);
    expect(dark.width).toBeGreaterThanOrEqual(1080);
    const gif = readGif(bytes);
    const expected = DEFAULT_SETTINGS.iterations / DEFAULT_SETTINGS.frameEvery + 1; // iterations 0, 5, ..., 200
    expect(expected).toBe(41);
    expect(gif.imageDescriptors).toBe(expected);
    expect(gif.graphicControlExtensions).toBe(expected);
    expect(gif.frames.map((f) => f.delayCs)).toEqual([...Array<number>(40).fill(10), 200]);
    expect(gif.loopCount).toBe(0);
    // One global palette shared by every frame.
    expect(gif.globalTable).not.toBeNull();
    expect(gif.frames.some((f) => f.hasLocalTable)).toBe(false);
    expect(gif.frames[0]).toMatchObject({ x: 0, y: 0, width: gif.width, height: gif.height });
  });

  it('shows, after its last frame, exactly the final frame drawn directly and mapped to the palette', () => {
    const gif = readGif(gifOf(rootA));
    const shown = compositeFrames(gif).at(-1)!;
    registerFigureFonts();
    const canvas = createCanvas(gif.width, gif.height);
    const ctx = canvas.getContext('2d');
    ctx.lang = 'en';
    ctx.setTransform(1.5, 0, 0, 1.5, 0, 0);
    drawTrainingFrame(ctx, trainingFrameInputs(record).at(-1)!, 720);
    const expected = createPaletteMapper(figurePalette()).map(
      ctx.getImageData(0, 0, gif.width, gif.height).data,
    );
    let differing = 0;
    for (let i = 0; i < expected.length; i++) if (expected[i] !== shown[i]) differing++;
    expect(differing).toBe(0);
  });

  it('shows every frame within the tolerance of that frame drawn directly, in every channel', () => {
    const gif = readGif(gifOf(rootA));
    const shown = compositeFrames(gif);
    const palette = figurePalette();
    const mapper = createPaletteMapper(palette);
    registerFigureFonts();
    const canvas = createCanvas(gif.width, gif.height);
    const ctx = canvas.getContext('2d');
    ctx.lang = 'en';
    const inputs = trainingFrameInputs(record);
    expect(shown).toHaveLength(inputs.length);
    let worst = 0;
    let off = 0;
    inputs.forEach((input, k) => {
      ctx.setTransform(1.5, 0, 0, 1.5, 0, 0);
      drawTrainingFrame(ctx, input, 720);
      const expected = mapper.map(ctx.getImageData(0, 0, gif.width, gif.height).data);
      for (let i = 0; i < expected.length; i++) {
        if (expected[i] === shown[k]![i]) continue;
        off++;
        const [a, b] = [palette[expected[i]!]!, palette[shown[k]![i]!]!];
        worst = Math.max(worst, ...a.map((c, j) => Math.abs(c - b[j]!)));
      }
    });
    expect(worst).toBeLessThanOrEqual(FRAME_TOLERANCE);
    // Some pixels do lag (that is what keeps the file small), though not in the last frame (above).
    expect(off).toBeGreaterThan(0);
  });

  it('encodes a long run’s animation in at most MAX_FRAMES frames, under 600 KB', async () => {
    const settings = { ...DEFAULT_SETTINGS, iterations: 20_000 };
    const long = train(settings, generateDatasets(settings.dataSeed));
    const animation = (await projectFigures()).filter((f) => f.id === 'training-animation');
    const [gif] = await renderFigures(animation, sourcesOf(long, animation));
    const frames = readGif(gif!.bytes).frames;
    expect(frames.length).toBeLessThanOrEqual(MAX_FRAMES);
    expect(frames.length).toBe(long.frames.length);
    // The last frame, iteration 20,000, is held; every other shows for 0.1 s.
    expect(frames.at(-1)!.delayCs).toBe(200);
    expect(gif!.bytes.length).toBeLessThan(600 * 1024);
  }, 60_000);

  it('reads back only the parts of frames that change, with the bytes of frames read whole', async () => {
    const animations = (await projectFigures()).filter((f) => f.definition.format === 'gif');
    expect(animations.map((f) => f.scheme).sort()).toEqual(['dark', 'light']);
    const read = (figure: LoadedFigure, run: RunRecord, whole: boolean) => {
      const { changing, ...definition } = figure.definition as GifFigure;
      expect(changing).toBeDefined();
      const shown = whole ? { ...figure, definition } : figure;
      return renderFigures([shown], sourcesOf(run, [shown]));
    };
    // The tutorial's layout, and one with more units than are drawn and another number of frames.
    const bigger = { ...DEFAULT_SETTINGS, hiddenUnits: 40, iterations: 35 };
    for (const run of [record, train(bigger, generateDatasets(bigger.dataSeed))]) {
      for (const figure of animations) {
        const [parts] = await read(figure, run, false);
        const [whole] = await read(figure, run, true);
        expect(Buffer.compare(parts!.bytes, whole!.bytes), figure.id).toBe(0);
      }
    }
  }, 60_000);

  it('fails an animation whose frame throws with the figure’s id and file', async () => {
    const figures = (await projectFigures()).filter((f) =>
      ['training-animation', 'training-set'].includes(f.id),
    );
    const broken = figures.map((figure) => {
      if (figure.definition.format !== 'gif') return figure;
      const definition = figure.definition;
      const frames = (input: Parameters<GifFigure['frames']>[0]) =>
        definition.frames(input).map((frame, k) => ({
          ...frame,
          drawChanges: (ctx: Parameters<typeof frame.draw>[0]) => {
            if (k === 3) throw new Error('frame 3 broken on purpose');
            frame.drawChanges?.(ctx);
          },
        }));
      return { ...figure, definition: { ...definition, frames } };
    });
    await expect(renderFigures(broken, sourcesOf(record, broken))).rejects.toThrow(
      /content\/figures\/training-animation\.ts: figure "training-animation" failed: frame 3 broken on purpose/,
    );
  }, 60_000);

  it('covers the changing parts with whole device pixels inside the canvas', () => {
    const rects = [
      { x: -6, y: 10.2, width: 20, height: 5 },
      { x: 700, y: 100, width: 30, height: 10 },
      { x: 800, y: 0, width: 5, height: 5 },
    ];
    expect(deviceRects(rects, 1.5, 1080, 840)).toEqual([
      { x: 0, y: 15, width: 21, height: 8 },
      { x: 1050, y: 150, width: 30, height: 15 },
    ]);
  });

  it('adds the final state when the iterations are not a multiple of frameEvery', async () => {
    const settings = { ...DEFAULT_SETTINGS, hiddenUnits: 3, iterations: 23 };
    const short = train(settings, generateDatasets(settings.dataSeed));
    const animation = (await projectFigures()).filter((f) => f.id === 'training-animation');
    const [gif] = await renderFigures(animation, sourcesOf(short, animation));
    const frames = readGif(gif!.bytes).frames;
    // Iterations 0, 5, 10, 15, 20 and 23.
    expect(frames.map((f) => f.delayCs)).toEqual([10, 10, 10, 10, 10, 200]);
  });
});

describe("the tutorial experiment's results", () => {
  it('have the agreed shape and the run numbers', () => {
    const results = JSON.parse(
      readFileSync(join(rootA, 'src', 'generated', 'results', 'tutorial.json'), 'utf8'),
    );
    expect(Object.keys(results)).toEqual([
      'settings',
      'architecture',
      'parameterCount',
      'trainingExamples',
      'evenOddsLoss',
      'initialLoss',
      'finalLoss',
      'lossRose',
      'initialAccuracy',
      'finalAccuracy',
      'firstPerfectIteration',
      'perfectFromIteration',
      'finalActiveHiddenUnits',
      'validation',
      'divergence',
      'forwardPasses',
      'updates',
      'neverActiveUnits',
      'neverActiveCount',
      'identicalHiddenUnits',
      'changedParameters',
      'initiallyInactiveCount',
      'finalInactiveCount',
      'initialPredictions',
      'checkpoints',
      'trace',
      'gradientCheck',
      'probes',
    ]);
    const history = readBuiltHistory(rootA, 'tutorial');
    expect(results.forwardPasses).toBe(history.length);
    expect(results.updates).toBe(results.settings.iterations);
    // The gradient check, asserted from the results: backpropagation agrees with central differences.
    expect(results.gradientCheck.entries).toHaveLength(8);
    expect(results.gradientCheck.maxRelativeError).toBeLessThan(1e-6);
    // The checkpoints' mean losses are the history's summed losses over n.
    expect(results.checkpoints.initial.meanLoss).toBe(history[0]!.loss / 24);
    expect(results.checkpoints.final.meanLoss).toBe(history[200]!.loss / 24);
    expect(results.checkpoints.firstPerfect.iteration).toBe(results.firstPerfectIteration);
    expect(results.initialPredictions.vertical + results.initialPredictions.horizontal).toBe(24);
    expect(results.settings).toEqual({
      seed: 7,
      dataSeed: DEFAULT_SETTINGS.dataSeed,
      learningRate: 0.01,
      hiddenUnits: 6,
      init: 'xavier',
      iterations: 200,
      frameEvery: 5,
    });
    expect(results.architecture).toEqual({ inputs: 9, hidden: 6, outputs: 2 });
    expect(results.parameterCount).toBe(6 * 9 + 6 + 2 * 6 + 2); // W1, b1, W2, b2 = 74
    expect(results.trainingExamples).toBe(24);
    expect(history).toHaveLength(201);
    expect(history.map((h) => h.iteration)).toEqual([...Array(201).keys()]);
    expect(results.initialLoss).toBe(history[0]!.loss);
    expect(results.finalLoss).toBe(history[200]!.loss);
    expect(results.lossRose).toBe(false); // 16.1 down to 0.75
    expect(results.firstPerfectIteration).toBe(history.findIndex((h) => h.accuracy === 1));
    // The last iteration below accuracy 1, plus one (the default run reaches 1 and keeps it).
    const lastMiss = history.findLastIndex((h) => h.accuracy < 1);
    expect(results.perfectFromIteration).toBe(lastMiss + 1);
    expect(
      results.validation.map((v: { name: string; title: string; total: number }) => [
        v.name,
        v.title,
        v.total,
      ]),
    ).toEqual([
      ['validation-1', 'Validation set 1', 18],
      ['validation-2', 'Validation set 2', 24],
    ]);
    for (const v of results.validation) expect(v.accuracy).toBe(v.correct / v.total);
  });
});

describe('writing', () => {
  it('made every output, then removes older versions of the outputs, keeps unrelated files and leaves no temporary files', async () => {
    expect(first.outputs.every((o) => o.made)).toBe(true);
    const figureDir = join(rootA, 'public', 'generated', 'figures');
    writeFileSync(join(figureDir, 'training-set.00000000.png'), 'old');
    writeFileSync(join(figureDir, 'notes.txt'), 'mine');
    const again = await runFigureBuild({ outRoot: rootA, mode: 'build', codeLoadedAt: null });
    expect(again.outputs.some((o) => o.made)).toBe(false);
    expect(again.removed).toEqual(['training-set.00000000.png']);
    const names = readdirSync(figureDir);
    expect(names).toContain('notes.txt');
    expect(names.filter((n) => n.includes('.tmp-'))).toEqual([]);
    // The light drawing and the dark one.
    expect(names.filter((n) => /^training-set\.(dark\.)?[0-9a-f]{8}\.png$/.test(n))).toHaveLength(
      2,
    );
  });
});

describe('an experiment that expects divergence', () => {
  it('has the divergence among its results, at the iteration where training itself stops', () => {
    const results = JSON.parse(
      readFileSync(join(rootA, 'src', 'generated', 'results', 'lr-1.json'), 'utf8'),
    );
    let thrown: unknown;
    try {
      train(
        { ...DEFAULT_SETTINGS, learningRate: results.settings.learningRate },
        generateDatasets(DEFAULT_SETTINGS.dataSeed),
      );
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DivergenceError);
    const error = thrown as DivergenceError;
    expect(results.divergence).toEqual({ iteration: error.iteration, loss: String(error.loss) });
    const history = readBuiltHistory(rootA, 'lr-1');
    expect(history.map((h) => h.iteration)).toEqual([...Array(error.iteration).keys()]);
    expect(results.lastFiniteLoss).toBe(history.at(-1)!.loss);
    expect(results).not.toHaveProperty('finalLoss');
  });
});
