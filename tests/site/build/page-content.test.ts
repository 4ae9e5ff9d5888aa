/**
 * The built page has the whole tutorial: every section, rendered mathematics, the figures with
 * their sizes and alt text, the engine's listings, the downloads, and numbers that agree with the
 * build's results and settings.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { FigureManifest } from '../../../src/figures/figure-manifest.ts';
import type { RunResults } from '../../../src/figures/run-results.ts';
import { readBuiltHistory } from '../../helpers/history-file.ts';
import { PROJECT_ROOT } from '../../helpers/project-root.ts';
import { decodeEntities, startTags, visibleText } from './html.ts';

const build = inject('siteBuilds').root;

let html = '';
let results = {} as RunResults;
let figures: FigureManifest = { figures: {}, downloads: {} };
let experiment: Record<string, number> = {};

/** The text of highlighted code: tags removed without adding spaces between tokens. */
function codeText(highlighted: string): string {
  return decodeEntities(highlighted.replace(/<[^>]+>/g, ''));
}

/** The text of every <Result/> on the page, by its path; a path used twice must read the same. */
function statedResults(page: string): Map<string, string> {
  const stated = new Map<string, string>();
  for (const match of page.matchAll(
    /<span class="result[^"]*" data-result="([^"]+)" data-experiment="tutorial">([^<]*)<\/span>/g,
  )) {
    const [path, text] = [decodeEntities(match[1]!), decodeEntities(match[2]!)];
    if (stated.has(path)) expect(stated.get(path), `"${path}" stated twice`).toBe(text);
    stated.set(path, text);
  }
  return stated;
}

beforeAll(async () => {
  html = await readFile(join(build.dir, 'index.html'), 'utf8');
  results = JSON.parse(
    await readFile(join(PROJECT_ROOT, 'src/generated/results/tutorial.json'), 'utf8'),
  );
  figures = JSON.parse(await readFile(join(PROJECT_ROOT, 'src/generated/figures.json'), 'utf8'));
  experiment = JSON.parse(
    await readFile(join(PROJECT_ROOT, 'content/experiments/tutorial.json'), 'utf8'),
  );
});

describe('the tutorial page', () => {
  it.each([
    // [heading level, id, text]: the sections of the original tutorial, in order
    [2, 'introduction', 'Introduction'],
    [2, 'the-data', 'The data'],
    [3, 'the-input-matrix', 'The input matrix'],
    [3, 'labels-and-one-hot-targets', 'Labels and one-hot targets'],
    [2, 'the-network', 'The network'],
    [3, 'relu-in-the-hidden-layer', 'ReLU in the hidden layer'],
    [3, 'softmax-in-the-output-layer', 'Softmax in the output layer'],
    [2, 'forward-propagation', 'Forward propagation'],
    [2, 'the-loss-function', 'The loss function'],
    [2, 'backward-propagation', 'Backward propagation'],
    [3, 'gradient-descent', 'Gradient descent'],
    [3, 'the-chain-rule', 'The chain rule'],
    [3, 'the-gradients-step-by-step', 'The gradients, step by step'],
    [3, 'the-derivative-of-relu', 'The derivative of ReLU'],
    [2, 'updating-the-parameters', 'Updating the parameters'],
    [2, 'initialisation', 'Initialisation'],
    [2, 'training', 'Training'],
    [3, 'full-batch-or-mini-batches', 'Full batch or mini-batches'],
    [3, 'the-training-loop', 'The training loop'],
    [3, 'watching-the-network-learn', 'Watching the network learn'],
    [
      3,
      'when-does-the-network-get-every-image-right',
      'When does the network get every image right?',
    ],
    [2, 'validation', 'Validation'],
    [3, 'dimmed-lines', 'Dimmed lines'],
    [3, 'noisy-lines', 'Noisy lines'],
    [2, 'further-reading', 'Further reading'],
    [
      2,
      'appendix-the-gradient-of-softmax-with-cross-entropy',
      'Appendix: the gradient of softmax with cross-entropy',
    ],
  ])(
    'has the h%i #%s "%s" with its anchor link, listed in the table of contents',
    (level, id, text) => {
      // Starlight's heading: the heading itself, then a link to it (its text for screen readers).
      const heading = new RegExp(
        `<h${level} id="${id}">([\\s\\S]*?)</h${level}><a class="sl-anchor-link" href="#${id}">([\\s\\S]*?)</a>`,
      ).exec(html);
      expect(heading, `no <h${level} id="${id}"> with an anchor link`).not.toBeNull();
      expect(visibleText(heading![1]!)).toBe(text);
      expect(visibleText(heading![2]!)).toBe(`Section titled “${text}”`);
      const toc = /<starlight-toc[^>]*>([\s\S]*?)<\/starlight-toc>/.exec(html);
      expect(toc, 'no table of contents').not.toBeNull();
      const entry = new RegExp(`<a href="#${id}"[^>]*>([\\s\\S]*?)</a>`).exec(toc![1]!);
      expect(entry, `#${id} is not in the table of contents`).not.toBeNull();
      expect(visibleText(entry![1]!)).toBe(text);
    },
  );

  it("runs the project's table-of-contents script in place of Starlight's, which scans the page with :has()", async () => {
    const scripts = [...html.matchAll(/<script type="module" src="([^"]*TableOfContents[^"]*)"/g)];
    expect(scripts.map((m) => m[1]!.replace(/^.*\/_astro\/|\..*$/g, '')).sort()).toEqual([
      'MobileTableOfContents',
      'TableOfContents',
    ]);
    const code = await Promise.all(
      scripts.map((m) =>
        readFile(join(build.dir, m[1]!.replace(/^.*\/_astro\//, '_astro/')), 'utf8'),
      ),
    );
    const joined = code.join('\n');
    expect(joined).toContain('customElements.define("starlight-toc"');
    expect(joined).toContain('customElements.define("mobile-starlight-toc"');
    expect(joined).not.toContain(':has(');
  });

  it('has the title as its only h1, then the subtitle, and the description in its meta tags', () => {
    expect(html.match(/<h1\b/g)).toHaveLength(1);
    const title = /<h1 id="_top"[^>]*>([^<]*)<\/h1>\s*<p class="subtitle[^"]*">([^<]*)<\/p>/.exec(
      html,
    );
    expect(title, 'no h1 followed by the subtitle').not.toBeNull();
    expect(decodeEntities(title![1]!)).toBe(
      'Classifying images with a neural network from scratch',
    );
    expect(decodeEntities(title![2]!)).toMatch(/^A two-layer network that tells vertical/);
    const meta = startTags(html).filter((tag) => tag.name === 'meta');
    const content = (key: string) =>
      meta.find((tag) => tag.attributes.name === key || tag.attributes.property === key)?.attributes
        .content;
    expect(content('description')).toMatch(/^A tutorial that builds, trains and validates/);
    expect(content('og:description')).toBe(content('description'));
    expect(content('og:title')).toBe('Classifying images with a neural network from scratch');
    expect(content('twitter:card')).toBeDefined();
  });

  it('renders its mathematics with KaTeX and leaves no TeX source in the text', () => {
    const inline = html.match(/<span class="katex">/g) ?? [];
    const display = html.match(/<span class="katex-display"/g) ?? [];
    expect(inline.length).toBeGreaterThan(100);
    expect(display.length).toBeGreaterThan(20);
    expect(html).not.toContain('katex-error');
    const text = visibleText(html);
    for (const raw of ['$$', '$', '\\begin', '\\frac', '\\sum', '\\mathbb'])
      expect(text).not.toContain(raw);
  });

  it('shows every figure once, in both colour schemes, at its display size, with its alt text, caption and a full-size link', () => {
    const ids = [
      'training-set',
      'network',
      'network-trained',
      'training-animation',
      'data-matrices',
      'initial-parameters',
      'loss-accuracy',
      'validation-1',
      'validation-2',
      'himmelblau',
      'hidden-weights',
    ];
    const images = startTags(html).filter((tag) => tag.name === 'img');
    // Each figure's light drawing, then its dark one.
    expect(images).toHaveLength(2 * ids.length);
    for (const id of ids) {
      const light = figures.figures[id]!;
      const dark = figures.figures[`${id}.dark`]!;
      expect(light, `figures.json has no ${id}`).toBeDefined();
      expect(dark, `figures.json has no ${id}.dark`).toBeDefined();
      const block = new RegExp(
        `<figure class="figure[^"]*" id="figure-${id}">([\\s\\S]*?)</figure>`,
      ).exec(html);
      expect(block, `no figure ${id} on the page`).not.toBeNull();
      const tags = startTags(block![1]!);
      const pictures = tags.filter((tag) => tag.name === 'picture');
      expect(pictures.map((tag) => tag.attributes['data-scheme'])).toEqual(['light', 'dark']);
      const imgs = tags.filter((tag) => tag.name === 'img');
      const links = tags.filter((tag) => tag.name === 'a');
      [light, dark].forEach((entry, k) => {
        const img = imgs[k]!;
        expect(img.attributes.src).toBe(`/${entry.src}`);
        expect(img.attributes.alt).toBe(entry.alt);
        expect(img.attributes.alt!.length).toBeGreaterThan(20);
        expect(Number(img.attributes.width)).toBe(light.displayWidth);
        expect(Number(img.attributes.height)).toBe(
          Math.round((light.displayWidth * light.height) / light.width),
        );
        // A link to the file itself: the page shows the one of the reader's scheme.
        expect(links[k]!.attributes.href).toBe(`/${entry.src}`);
        expect(links[k]!.attributes['data-scheme']).toBe(k === 0 ? 'light' : 'dark');
      });
      expect(dark.width).toBe(light.width);
      expect(dark.height).toBe(light.height);
      // The caption, then the link with the file's pixel size (the animation's Pause button, and
      // the sentence about its still, aside); the link is there once per scheme.
      const paused = id === 'training-animation' ? ' Paused, it shows its last frame.' : '';
      const fullSize = `Full size (${light.width} × ${light.height} px)`;
      expect(visibleText(block![1]!.replace(/<button[\s\S]*?<\/button>/, ''))).toBe(
        visibleText(`${light.caption}${paused} ${fullSize} ${fullSize}`),
      );
    }
    // Every image waits until the reader scrolls near it (so the drawing of the other scheme,
    // never displayed, is never fetched); the first figure's are fetched first.
    expect(images.map((img) => img.attributes.loading)).toEqual(images.map(() => 'lazy'));
    expect(images.map((img) => img.attributes.fetchpriority)).toEqual([
      'high',
      'high',
      ...images.slice(2).map(() => undefined),
    ]);
  });

  it("lists the engine's own code for every step, as titled code blocks with a copy button", async () => {
    const listings = [
      ...html.matchAll(
        /<div class="listing[^"]*" data-file="([^"]+)" data-region="([^"]+)">([\s\S]*?)<\/figure>/g,
      ),
    ].map((match) => ({ file: match[1]!, region: match[2]!, block: match[3]! }));
    expect(listings).toHaveLength(8);
    for (const [file, fragment] of [
      ['src/nn/activations.ts', 'export function relu('],
      ['src/nn/activations.ts', 'export function softmax('],
      ['src/nn/network.ts', 'export function forward('],
      ['src/nn/loss.ts', 'export function crossEntropy('],
      ['src/nn/gradients.ts', 'export function gradients('],
      ['src/nn/update.ts', 'export function update('],
      ['src/nn/network.ts', 'export function initParameters('],
      ['src/nn/train.ts', 'for (let iteration'],
    ] as const) {
      const listing = listings.find(({ block }) => codeText(block).includes(fragment));
      expect(listing, `no listing contains ${fragment}`).toBeDefined();
      expect(listing!.file).toBe(file);
      const { block, region } = listing!;
      // Expressive Code's frame: the file's path as its title, highlighted TypeScript named after
      // its region and file (src/lib/code-block-labels.mjs), a copy button.
      expect(block).toContain(`<span class="title">${file}</span>`);
      expect(block).toContain(
        `<pre data-language="ts" role="group" aria-label="Code: ${region} in ${file}">`,
      );
      expect(block).toMatch(/<span style="--0:#[0-9A-F]{6};--1:#[0-9A-F]{6}">/i);
      expect(block).toMatch(/<button title="Copy to clipboard"[^>]* data-code="/);
      // Independent check: each line shown (markers aside) is a line of the file, up to indentation.
      const source = await readFile(join(PROJECT_ROOT, file), 'utf8');
      const sourceLines = new Set(source.split('\n').map((line) => line.trim()));
      // One piece per line (spans, not Expressive Code's divs, in the built page:
      // src/lib/valid-html.ts), each up to the next line or the end of the code.
      const code = block.slice(block.indexOf('<code>'), block.indexOf('</code>'));
      const shown = code
        .split('<span class="ec-line">')
        .slice(1)
        .map((line) => codeText(line).trim());
      expect(shown.length).toBeGreaterThan(2);
      for (const line of shown)
        expect(sourceLines.has(line), `"${line}" is not in ${file}`).toBe(true);
    }
  });

  it('offers the three datasets as CSV, then the numpy program and notebook and the run’s history, as downloads that exist in the build', () => {
    const links = startTags(html).filter((tag) => tag.name === 'a' && 'download' in tag.attributes);
    const ids = [
      'train-csv',
      'validation-1-csv',
      'validation-2-csv',
      'python',
      'notebook',
      'history-csv',
    ];
    expect(links.map((link) => link.attributes.href)).toEqual(
      ids.map((id) => `/${figures.downloads[`tutorial/${id}`]!.src}`),
    );
    expect(links.map((link) => link.attributes.download)).toEqual([
      'tutorial-train.csv',
      'tutorial-validation-1.csv',
      'tutorial-validation-2.csv',
      'tutorial.py',
      'tutorial.ipynb',
      'tutorial-history.csv',
    ]);
  });

  it('lists the five references with links, each cited in the text', () => {
    for (let n = 1; n <= 5; n++) {
      expect(html).toMatch(new RegExp(`<li id="ref-${n}"[^>]*>[\\s\\S]*?<a href="https://`));
      expect(html).toMatch(new RegExp(`<a class="cite[^"]*" href="#ref-${n}">\\[${n}\\]</a>`));
    }
    expect(html).not.toContain('id="ref-6"');
    expect(visibleText(html)).toContain('Katanforoosh');
  });

  it('puts no space between a number, citation or download and the punctuation after it', () => {
    const spaced = [
      ...html.matchAll(
        /<(?:span class="(?:result|download-size)[^"]*"[^>]*>[^<]*<\/span>|a class="cite[^"]*"[^>]*>[^<]*<\/a>)\s+[.,;:)]/g,
      ),
    ].map((match) => match[0]);
    expect(spaced).toEqual([]);
  });

  it('traces example 0 through every hidden unit: one row of the trace table per unit', () => {
    const units = [...html.matchAll(/data-result="trace\.Z1\.(\d+)"/g)].map((m) => Number(m[1]));
    expect(units).toEqual(Array.from({ length: experiment.hiddenUnits! }, (_, h) => h));
    const stated = statedResults(html);
    for (const h of units)
      expect(Number(stated.get(`trace.A1.${h}`))).toBe(
        Math.max(0, Number(stated.get(`trace.Z1.${h}`))),
      );
  });

  it('states numbers that agree with the results and the settings', () => {
    const stated = statedResults(html);
    const H = experiment.hiddenUnits!;
    // Parameters of a 9-H-2 network: W1 9H, b1 H, W2 2H, b2 2.
    expect(stated.get('parameterCount')).toBe(String(9 * H + H + 2 * H + 2));
    expect(stated.get('architecture.hidden')).toBe(String(H));
    expect(stated.get('settings.learningRate')).toBe(String(experiment.learningRate));
    expect(stated.get('settings.seed')).toBe(String(experiment.seed));
    expect(stated.get('settings.iterations')).toBe(String(experiment.iterations));
    expect(stated.get('settings.frameEvery')).toBe(String(experiment.frameEvery));
    // The generated training set: 6 lines (3 vertical, 3 horizontal), each clean once and varied 3 times.
    expect(stated.get('trainingExamples')).toBe('24');
    const history = readBuiltHistory(PROJECT_ROOT, 'tutorial');
    expect(history).toHaveLength(experiment.iterations! + 1);
    // The history download and the results are of one run.
    expect([history[0]!.loss, history.at(-1)!.loss]).toEqual([
      results.initialLoss,
      results.finalLoss,
    ]);
    expect(Number(stated.get('initialLoss'))).toBeCloseTo(history[0]!.loss, 3);
    expect(Number(stated.get('finalLoss'))).toBeCloseTo(history.at(-1)!.loss, 3);
    expect(Number(stated.get('finalLoss'))).toBeLessThan(Number(stated.get('initialLoss')));
    const firstPerfect = history.find((entry) => entry.accuracy === 1)?.iteration;
    if (firstPerfect === undefined) expect(stated.has('firstPerfectIteration')).toBe(false);
    else expect(stated.get('firstPerfectIteration')).toBe(String(firstPerfect));
    // From this iteration on every state classifies the whole training set correctly.
    const lastMiss = history.findLastIndex((entry) => entry.accuracy < 1);
    if (lastMiss === history.length - 1) expect(stated.has('perfectFromIteration')).toBe(false);
    else expect(stated.get('perfectFromIteration')).toBe(String(lastMiss + 1));
    // Validation: 18 dimmed lines (6 lines x 3 pixels) and 24 noisy copies of the training set.
    for (const [name, total] of [
      ['validation-1', 18],
      ['validation-2', 24],
    ] as const) {
      expect(stated.get(`validation.${name}.total`)).toBe(String(total));
      const correct = Number(stated.get(`validation.${name}.correct`));
      const percent = (100 * correct) / total;
      expect(stated.get(`validation.${name}.accuracy`)).toBe(
        Number.isInteger(percent) ? `${percent}%` : `${percent.toFixed(1)}%`,
      );
    }
  });
});
