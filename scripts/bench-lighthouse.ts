/**
 * `npm run bench:lighthouse`: Lighthouse's four scores (performance, accessibility, best
 * practices, SEO) for every page of the built site (dist/, made by `npm run build`), with its
 * mobile preset (a mid-range phone on a slow 4G network, simulated) and its desktop one, the site
 * served gzipped on loopback as GitHub Pages serves it, in Debian's Chromium. Below the table,
 * every audit that kept a page from 100, with what Lighthouse measured. The target: 100 in
 * every cell.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from 'chrome-launcher';
import lighthouse, { type Config, desktopConfig, type Flags, type RunnerResult } from 'lighthouse';
import { startStaticServer } from '../tests/site/static-server.ts';
import { builtPages } from './lib/built-pages.ts';

const DIST = 'dist';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const PRESETS: readonly { name: string; config: Config | undefined }[] = [
  { name: 'mobile', config: undefined }, // Lighthouse's default
  { name: 'desktop', config: desktopConfig },
];

/** One page's scores with one preset, and the audits that cost it points. */
interface Row {
  page: string;
  preset: string;
  scores: number[];
  losses: string[];
}

/** The audits of `result`'s categories that scored below 1, with Lighthouse's measurement. */
function losses(result: RunnerResult): string[] {
  const { lhr } = result;
  const ids = new Set(
    CATEGORIES.flatMap((c) =>
      (lhr.categories[c]?.auditRefs ?? []).filter((ref) => ref.weight > 0).map((ref) => ref.id),
    ),
  );
  return [...ids]
    .map((id) => lhr.audits[id]!)
    .filter((audit) => audit.score !== null && audit.score < 1)
    .map(
      (audit) =>
        `${audit.id} ${audit.score}${audit.displayValue ? ` (${audit.displayValue})` : ''}`,
    );
}

/** Lighthouse's run of `url` with `preset`, in the Chromium listening on `port`. */
async function audit(
  url: string,
  port: number,
  preset: (typeof PRESETS)[number],
): Promise<RunnerResult> {
  const flags: Flags = { port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] };
  const result = await lighthouse(url, flags, preset.config);
  if (result === undefined) throw new Error(`lighthouse returned nothing for ${url}`);
  return result;
}

function table(rows: readonly Row[]): string[] {
  const header = `${'page'.padEnd(16)}${'preset'.padEnd(9)}${CATEGORIES.map((c) => c.padStart(16)).join('')}`;
  return [
    header,
    ...rows.map(
      (r) =>
        `${`/${r.page}`.padEnd(16)}${r.preset.padEnd(9)}${r.scores.map((s) => String(Math.round(s * 100)).padStart(16)).join('')}`,
    ),
  ];
}

async function main(): Promise<number> {
  if (!existsSync(join(DIST, 'index.html'))) {
    console.error(`bench:lighthouse: no ${DIST}/index.html; run \`npm run build\` first`);
    return 2;
  }
  const server = await startStaticServer(DIST, '/', { gzip: true });
  const rows: Row[] = [];
  let chrome: Awaited<ReturnType<typeof launch>> | undefined;
  try {
    chrome = await launch({
      chromePath: CHROMIUM,
      chromeFlags: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
      ],
    });
    for (const page of builtPages(DIST)) {
      for (const preset of PRESETS) {
        const result = await audit(server.url + page, chrome.port, preset);
        const scores = CATEGORIES.map((c) => result.lhr.categories[c]?.score ?? 0);
        rows.push({ page, preset: preset.name, scores, losses: losses(result) });
        console.error(
          `/${page} ${preset.name}: ${scores.map((s) => Math.round(s * 100)).join(' / ')}`,
        );
      }
    }
  } finally {
    chrome?.kill();
    await server.close();
  }
  console.log(['', ...table(rows)].join('\n'));
  for (const row of rows.filter((r) => r.losses.length > 0))
    console.log(`\n/${row.page} ${row.preset}:\n  ${row.losses.join('\n  ')}`);
  const perfect = rows.every((r) => r.scores.every((s) => s === 1));
  console.log(
    `\ntarget: 100 in every category on every page, both presets: ${perfect ? 'met' : 'NOT met'}`,
  );
  return 0;
}

process.exitCode = await main();
