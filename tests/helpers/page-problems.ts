/** What a page in the browser tests reports as going wrong, collected to be checked after each test. */
import type { Page } from 'playwright-core';

/** Adds to `problems` each console error, uncaught exception and failed (4xx or 5xx) response of `page`. */
export function collectPageProblems(page: Page, problems: string[]): void {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page: ${error.message}`));
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
}
