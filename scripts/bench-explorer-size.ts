/**
 * `npm run bench:explorer [-- DIST]`: the JavaScript the training explorer ships, gzipped.
 * Starts from the page scripts that Astro bundled from TrainingExplorer.astro and follows their
 * imports (static and dynamic) through dist/_astro/, then prints each chunk's raw and gzipped
 * size and the total. Run it after `npm run build`; it exits with 1 above the 60 KB budget.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The budget from the explorer's issue: under 60 KB gzipped. */
const BUDGET_BYTES = 60 * 1024;

const dist = resolve(process.argv[2] ?? 'dist');
const assets = join(dist, '_astro');
if (!existsSync(join(dist, 'index.html')) || !existsSync(assets)) {
  console.error(`bench:explorer: no built site in ${dist} (run \`npm run build\` first)`);
  process.exit(2);
}

// Entry chunks: every script of any page whose file name comes from TrainingExplorer.astro.
const entries = new Set<string>();
for (const page of htmlFiles(dist)) {
  for (const match of readFileSync(page, 'utf8').matchAll(/<script[^>]*\ssrc="([^"]+)"/g)) {
    const file = basename(match[1]!);
    if (file.startsWith('TrainingExplorer')) entries.add(join(assets, file));
  }
}
if (entries.size === 0) {
  console.error(
    'bench:explorer: no page loads a TrainingExplorer script; is the explorer on the page?',
  );
  process.exit(2);
}

// Follow relative imports: `import("./a.js")`, `from"./a.js"`, `import"./a.js"`.
const chunks = new Set<string>();
const queue = [...entries];
while (queue.length > 0) {
  const file = queue.pop()!;
  if (chunks.has(file)) continue;
  chunks.add(file);
  const code = readFileSync(file, 'utf8');
  for (const match of code.matchAll(
    /(?:import\s*\(\s*|from\s*|import\s*)["'](\.{1,2}\/[^"']+\.js)["']/g,
  )) {
    queue.push(resolve(dirname(file), match[1]!));
  }
}

let rawTotal = 0;
let gzipTotal = 0;
const rows: string[] = [];
for (const file of [...chunks].sort()) {
  const bytes = readFileSync(file);
  const gzipped = gzipSync(bytes, { level: 9 }).length;
  rawTotal += bytes.length;
  gzipTotal += gzipped;
  rows.push(
    `  ${basename(file).padEnd(72)} ${kb(bytes.length).padStart(9)} ${kb(gzipped).padStart(9)}`,
  );
}
console.log(
  `The training explorer's JavaScript (${chunks.size} chunk${chunks.size === 1 ? '' : 's'} in ${assets}):`,
);
console.log(`  ${'chunk'.padEnd(72)} ${'raw'.padStart(9)} ${'gzip -9'.padStart(9)}`);
for (const row of rows) console.log(row);
console.log(`  ${'total'.padEnd(72)} ${kb(rawTotal).padStart(9)} ${kb(gzipTotal).padStart(9)}`);
console.log(
  `Budget: ${kb(BUDGET_BYTES)} gzipped; ${gzipTotal <= BUDGET_BYTES ? 'within it' : 'OVER IT'} (${((100 * gzipTotal) / BUDGET_BYTES).toFixed(0)}%).`,
);
if (gzipTotal > BUDGET_BYTES) process.exitCode = 1;

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === '_astro' ? [] : htmlFiles(path);
    return entry.name.endsWith('.html') ? [path] : [];
  });
}
