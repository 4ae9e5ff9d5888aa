/**
 * Builds the site once for all site tests, one build after the other (they share caches):
 * `npm run build` into dist/ (figures included), then `astro build` with
 * BASE_PATH=/nn-from-scratch/ and an EDIT_URL into test-artifacts/dist-base/, like the deploy
 * workflow's build of a GitHub Pages project site.
 * The tests read a snapshot of dist/ (test-artifacts/dist-root/), so another build started
 * meanwhile (a developer's, or another test's) cannot pull the files from under them.
 */
import { cp, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { PROJECT_ROOT } from '../../helpers/project-root.ts';
import { run } from './build-site.ts';

/** The edit-link base the build under /nn-from-scratch/ is given (the build at the root has none). */
export const EDIT_URL_OF_BASED_BUILD = 'https://github.com/example/nn-from-scratch/edit/main/';

/** A built copy of the site: its directory and the base path it was built for. */
export interface SiteBuild {
  dir: string;
  base: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    siteBuilds: { root: SiteBuild; based: SiteBuild };
  }
}

export default async function setup(project: TestProject): Promise<void> {
  const rootDir = join(PROJECT_ROOT, 'test-artifacts', 'dist-root');
  const basedDir = join(PROJECT_ROOT, 'test-artifacts', 'dist-base');
  await run('npm', ['run', 'build'], PROJECT_ROOT);
  await rm(rootDir, { recursive: true, force: true });
  await cp(join(PROJECT_ROOT, 'dist'), rootDir, { recursive: true });
  await rm(basedDir, { recursive: true, force: true });
  await run(
    join(PROJECT_ROOT, 'node_modules', '.bin', 'astro'),
    ['build', '--outDir', basedDir],
    PROJECT_ROOT,
    {
      BASE_PATH: '/nn-from-scratch/',
      SITE_URL: 'https://example.github.io',
      EDIT_URL: EDIT_URL_OF_BASED_BUILD,
    },
  );
  project.provide('siteBuilds', {
    root: { dir: rootDir, base: '/' },
    based: { dir: basedDir, base: '/nn-from-scratch/' },
  });
}
