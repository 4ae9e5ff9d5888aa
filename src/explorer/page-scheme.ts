/** Which colour scheme the page is showing, for drawing on a canvas in the page's colours. */
import type { SchemeName } from '../figures/colour-scheme.ts';

/**
 * The scheme of the page: Starlight's data-theme on <html>, which it sets before the page is
 * painted and changes with the theme select (or the system's setting, on auto). Dark is
 * Starlight's default, so anything but "light" is dark.
 */
export function pageScheme(root: HTMLElement = document.documentElement): SchemeName {
  return root.dataset.theme === 'light' ? 'light' : 'dark';
}
