/**
 * The figure build's error as the page shows it in development: `npm run dev` writes
 * src/generated/figure-error.json when a build fails and removes it when one succeeds;
 * src/components/FigureBuildError.astro displays it (only in development).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../figures/write-outputs.ts';

/** The file's name in src/generated/. */
const ERROR_FILE = 'figure-error.json';

/** What the file holds. */
export interface FigureBuildError {
  /** The build's message (its standard error), as printed in the terminal. */
  message: string;
  exitCode: number | null;
}

/** Records a failed build for the page. */
export function writeBuildError(generatedDir: string, error: FigureBuildError): void {
  mkdirSync(generatedDir, { recursive: true });
  writeFileAtomic(join(generatedDir, ERROR_FILE), `${JSON.stringify(error, null, 2)}\n`);
}

/** Clears the record after a build that succeeded. */
export function clearBuildError(generatedDir: string): void {
  rmSync(join(generatedDir, ERROR_FILE), { force: true });
}
