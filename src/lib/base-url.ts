/// <reference types="astro/client" />
/**
 * The one place where site-internal URLs get the base path (e.g. /nn-from-scratch/ on a GitHub
 * Pages project site). Components never write "/..." paths by hand.
 */

/** Joins a base path ("/", "/repo" or "/repo/") and a site-relative path ("generated/a.png") into "/repo/generated/a.png". */
export function joinBase(base: string, path: string): string {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(path)) {
    throw new Error(`joinBase: "${path}" is an absolute URL, not a path inside the site`);
  }
  const trimmedBase = base.replace(/^\/+|\/+$/g, '');
  const trimmedPath = path.replace(/^\/+/, '');
  const prefix = trimmedBase === '' ? '/' : `/${trimmedBase}/`;
  return prefix + trimmedPath;
}

/** The URL of a file or page of this site under the configured base path (astro.config.mjs `base`). */
export function withBase(path: string): string {
  return joinBase(import.meta.env.BASE_URL, path);
}
