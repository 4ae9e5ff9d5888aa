/**
 * Which source files a module is made of, as esbuild's bundler resolves them: every file an entry
 * point reaches through its imports (type-only imports are erased, as they cannot change what
 * the code does), packages left out (their versions are keyed separately).
 */
import { relative, resolve } from 'node:path';
import { build } from 'esbuild';

/** For each entry (an absolute path), the absolute paths of the project files it is made of, itself included, sorted. */
export async function moduleClosures(
  entries: readonly string[],
  projectRoot: string,
): Promise<Map<string, string[]>> {
  const unique = [...new Set(entries)];
  if (unique.length === 0) return new Map();
  const result = await build({
    entryPoints: unique,
    absWorkingDir: projectRoot,
    bundle: true,
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    outdir: 'closure',
    logLevel: 'silent',
  });
  const closures = new Map<string, string[]>();
  for (const output of Object.values(result.metafile.outputs)) {
    if (output.entryPoint === undefined) continue;
    const files = Object.keys(output.inputs)
      .map((input) => resolve(projectRoot, input))
      .filter((file) => !relative(projectRoot, file).startsWith('..'));
    closures.set(resolve(projectRoot, output.entryPoint), files.sort());
  }
  for (const entry of unique) {
    if (!closures.has(entry)) throw new Error(`esbuild reported no output for ${entry}`);
  }
  return closures;
}
