/**
 * A tutorial that refers to something the build did not produce does not build: a missing
 * result, figure, download or code region stops `astro build` with a message that names it.
 * Each case builds a temporary copy of the project with one bad line appended to the tutorial.
 */
import { appendFile, copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../helpers/project-root.ts';
import { run } from './build-site.ts';
import { copyProject, removeCopy } from './project-copy.ts';

let copy = '';

beforeAll(async () => {
  copy = await copyProject(PROJECT_ROOT, 'nn-site-errors-');
});

afterAll(async () => {
  await removeCopy(copy);
});

/** Builds the copy with `line` appended to the real content/index.mdx; returns the build's error message. */
async function buildWith(line: string): Promise<string> {
  const tutorial = join(copy, 'content/index.mdx');
  await copyFile(join(PROJECT_ROOT, 'content/index.mdx'), tutorial);
  await appendFile(tutorial, `\n\n${line}\n`);
  try {
    await run(join(copy, 'node_modules', '.bin', 'astro'), ['build'], copy);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`the build succeeded with ${line}`);
}

describe('a build of a tutorial with a bad reference', () => {
  it.each([
    // [what the tutorial asks for, what the error must say]
    [
      '<Result path="validation.validation-3.accuracy" />',
      'the results of experiment "tutorial" have no "validation.validation-3.accuracy"',
    ],
    [
      '<Figure id="loss-curve" />',
      '<Figure id="loss-curve">: src/generated/figures.json has no figures entry "loss-curve"',
    ],
    [
      '<CodeRegion file="src/nn/train.ts" region="training-step" />',
      'src/nn/train.ts has no region "training-step"',
    ],
  ])('%s fails, naming it', async (line, message) => {
    expect(await buildWith(line)).toContain(message);
  });
});
