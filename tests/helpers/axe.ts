/** axe-core, the accessibility checker, run on a page of the browser tests. */
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

/** One rule axe-core finds broken: its id, impact and help, and the first few elements that break it. */
export interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** axe-core's findings on the page as it is (inside the element `selector` matches, if given), of every impact. */
export async function axeViolations(page: Page, selector?: string): Promise<AxeViolation[]> {
  const require = createRequire(import.meta.url);
  await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  return page.evaluate(async (context) => {
    type Report = {
      violations: { id: string; impact: string; help: string; nodes: { target: unknown }[] }[];
    };
    const { axe } = window as unknown as { axe: { run(context?: string): Promise<Report> } };
    const result = await (context === null ? axe.run() : axe.run(context));
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.slice(0, 5).map((node) => JSON.stringify(node.target)),
    }));
  }, selector ?? null);
}
