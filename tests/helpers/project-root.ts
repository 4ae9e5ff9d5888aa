import { join } from 'node:path';

/** The project's top folder (the one holding package.json), for tests that read its files or run its commands. */
export const PROJECT_ROOT = join(import.meta.dirname, '..', '..');
