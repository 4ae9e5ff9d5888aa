/**
 * The build stamp: everything a build after which every output is fresh read and wrote, so that
 * scripts/run-figures.mjs can answer "nothing changed" without loading any TypeScript. Also the
 * check that no source was saved while the build ran.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from '../lib/sha256.ts';
import type { BuildStamp } from './build-cache.ts';
import { outputPath, type PlannedOutput } from './build-plan.ts';
import type { AssembledOutputs } from './commit-plan.ts';
import type { FileHashes } from './file-hashes.ts';
import { MTIME_SLACK_MS } from './file-states.mjs';
import { FONT_FILES } from './font-files.ts';
import { DRAWING_PACKAGES, installedPackage, sourceFiles } from './output-keys.ts';
import { inputListings, type ProjectInputs } from './project-inputs.ts';
import { formatRunSummary, formatStatusLine } from './report.ts';
import { type OutputDirs, outputFolders } from './write-outputs.ts';

/** What a stamp is made from. */
export interface StampInput {
  command: { cwd: string; args: string[]; entries: string[] };
  hashes: FileHashes;
  project: ProjectInputs;
  dirs: OutputDirs;
  assembled: AssembledOutputs;
  /** Every source file the outputs' keys cover. */
  sources: readonly string[];
  /** The files the command's own code is made of (its entries' closures). */
  commandCode: readonly string[];
}

/** The stamp of a build whose outputs are all fresh: the files it read with their hashes, the files it wrote, and its report. */
export function buildStamp(input: StampInput): BuildStamp {
  const { command, hashes, project, dirs, assembled } = input;
  const experimentFiles = [...project.experiments.values()].flatMap((loaded) => [
    loaded.file,
    ...(loaded.trainFile === null ? [] : [loaded.trainFile]),
    ...loaded.validFiles,
  ]);
  const packages = DRAWING_PACKAGES.map((name) => installedPackage(name).path);
  const inputs: Record<string, string> = {};
  for (const file of [
    ...input.commandCode,
    ...input.sources,
    ...experimentFiles,
    ...project.pages,
    ...FONT_FILES,
    ...packages,
  ]) {
    inputs[file] = hashes.hash(file);
  }
  const outputs: Record<string, string> = {
    [join(dirs.generatedDir, 'figures.json')]: sha256Hex(assembled.manifestText),
  };
  for (const [file, text] of assembled.resultsTexts)
    outputs[join(dirs.generatedDir, file)] = sha256Hex(text);
  for (const line of assembled.report) {
    const entry = assembled.entries[line.id]!;
    if (line.kind !== 'results') outputs[outputPath(dirs, line.kind, entry.file)] = entry.sha256;
  }
  const { figureDir, dataDir } = outputFolders(dirs);
  const report = assembled.report.map((line) =>
    formatStatusLine({
      status: 'fresh',
      id: line.id,
      format: line.format,
      ...(line.width === undefined ? {} : { width: line.width, height: line.height }),
      ...(line.bytes === undefined ? {} : { bytes: line.bytes }),
    }),
  );
  if (assembled.summary !== null) report.push(formatRunSummary(assembled.summary));
  return {
    cwd: command.cwd,
    args: command.args,
    inputs,
    outputs,
    outputDirs: [figureDir, dataDir, join(dirs.generatedDir, 'results')],
    listings: inputListings(project.root),
    report,
  };
}

/** Source files of the plan that were modified at or after `since` (ms since the epoch). */
export function sourcesChangedSince(
  plan: readonly PlannedOutput[],
  projectRoot: string,
  since: number,
): Set<string> {
  const files = new Set(plan.flatMap((p) => sourceFiles(p.inputs, projectRoot)));
  const changed = new Set<string>();
  for (const file of files) {
    try {
      if (statSync(file).mtimeMs >= since - MTIME_SLACK_MS) changed.add(file);
    } catch {
      changed.add(file);
    }
  }
  return changed;
}
