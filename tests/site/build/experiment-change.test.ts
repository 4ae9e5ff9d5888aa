/**
 * Changing content/experiments/tutorial.json and building again changes the numbers the page states and
 * the URLs of the figures that depend on training, and nothing else. The second build runs in a
 * temporary copy of the project, so the real one is never touched.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PROJECT_ROOT } from '../../helpers/project-root.ts';
import { run } from './build-site.ts';
import { decodeEntities, startTags } from './html.ts';
import { copyProject, removeCopy } from './project-copy.ts';

const build = inject('siteBuilds').root;

let copy = '';
let before = '';
let after = '';
let originalSettings: Record<string, number> = {};

/** The text of <Result path={path}/> on a page. */
function stated(html: string, path: string): string | undefined {
  const match = new RegExp(
    `<span class="result[^"]*" data-result="${path.replace(/\./g, '\\.')}" data-experiment="tutorial">([^<]*)</span>`,
  ).exec(html);
  return match === null ? undefined : decodeEntities(match[1]!);
}

/** The src of figure `id` on a page. */
function figureSrc(html: string, id: string): string | undefined {
  const block = new RegExp(
    `<figure class="figure[^"]*" id="figure-${id}">([\\s\\S]*?)</figure>`,
  ).exec(html);
  return block === null
    ? undefined
    : startTags(block[1]!).find((tag) => tag.name === 'img')?.attributes.src;
}

beforeAll(async () => {
  before = await readFile(join(build.dir, 'index.html'), 'utf8');
  copy = await copyProject(PROJECT_ROOT, 'nn-site-experiment-');
  const settingsFile = join(copy, 'content/experiments/tutorial.json');
  originalSettings = JSON.parse(await readFile(settingsFile, 'utf8'));
  // Half the tutorial's learning rate: the same start, a slower descent.
  await writeFile(
    settingsFile,
    `${JSON.stringify({ ...originalSettings, learningRate: originalSettings.learningRate! / 2 }, null, 2)}\n`,
  );
  await run('npm', ['run', 'build'], copy);
  after = await readFile(join(copy, 'dist/index.html'), 'utf8');
});

afterAll(async () => {
  await removeCopy(copy);
});

describe('a build after changing the learning rate in content/experiments/tutorial.json', () => {
  it('states the new learning rate', () => {
    expect(stated(before, 'settings.learningRate')).toBe(String(originalSettings.learningRate));
    expect(stated(after, 'settings.learningRate')).toBe(String(originalSettings.learningRate! / 2));
  });

  it('states a different final loss, but the same initial loss (same seed, same data)', () => {
    const [finalBefore, finalAfter] = [stated(before, 'finalLoss'), stated(after, 'finalLoss')];
    expect(finalBefore).toMatch(/^\d+\.\d{3}$/);
    expect(finalAfter).toMatch(/^\d+\.\d{3}$/);
    // A smaller step makes less progress in the same number of iterations.
    expect(Number(finalAfter)).toBeGreaterThan(Number(finalBefore));
    expect(stated(after, 'initialLoss')).toBe(stated(before, 'initialLoss'));
  });

  it('gives the figures drawn from training new URLs, and keeps the training set figure', () => {
    expect(figureSrc(after, 'loss-accuracy')).not.toBe(figureSrc(before, 'loss-accuracy'));
    expect(figureSrc(after, 'training-animation')).not.toBe(
      figureSrc(before, 'training-animation'),
    );
    expect(figureSrc(after, 'training-set')).toBe(figureSrc(before, 'training-set'));
  });
});
