import { configDefaults, defineConfig } from 'vitest/config';

// Two projects: the unit tests, and the tests of the built site, whose global setup builds the
// site (minutes, not seconds). Vitest runs a project's global setup only when one of its files
// is selected, so `vitest run tests/nn` builds nothing.
// (`include` lives in the projects: with `extends: true` a root include would be merged into both.)
export default defineConfig({
  test: {
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/site/build/**', 'tests/**/*.browser.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'site',
          include: ['tests/site/build/**/*.test.ts', 'tests/**/*.browser.test.ts'],
          globalSetup: ['tests/site/build/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
