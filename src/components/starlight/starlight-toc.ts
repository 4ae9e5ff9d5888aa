/**
 * The table of contents' custom element: it marks the link of the section being read. It stands
 * in for Starlight's own script of the same name (src/lib/table-of-contents-script.ts swaps the
 * module; Starlight's markup, styles and mobile subclass stay). Starlight's finds the blocks to
 * watch with `:has()` selectors, each of which looks through the whole page: on the tutorial's
 * 21,000 elements that is about 70 ms for each of the page's two tables, two long tasks that a
 * phone feels. This one finds them in one walk over the headings' containers.
 */

/** The id Starlight gives the page's title, the section before the first heading. */
const PAGE_TITLE_ID = '_top';

/** Runs `task` when the browser is idle (or soon, where it cannot say). */
const whenIdle = (task: () => void): void => {
  if ('requestIdleCallback' in window) window.requestIdleCallback(task);
  else setTimeout(task, 1);
};

/** A block to watch, and the id of the heading whose section it is in. */
interface WatchedBlock {
  block: Element;
  section: string;
}

/**
 * The blocks of `main` in document order, each with its section: every table-of-contents heading
 * (its own section), and every block that holds no such heading, in the section of the heading
 * before it. Only the elements that hold a heading are looked inside.
 */
function watchedBlocks(main: Element, headings: readonly Element[]): WatchedBlock[] {
  const holdsHeading = new Set<Element>();
  for (const heading of headings)
    for (let el = heading.parentElement; el !== null && el !== main; el = el.parentElement)
      holdsHeading.add(el);
  const isHeading = new Set(headings);
  const blocks: WatchedBlock[] = [];
  let section = PAGE_TITLE_ID;
  const visit = (parent: Element): void => {
    for (const child of parent.children) {
      if (isHeading.has(child)) section = child.id;
      if (holdsHeading.has(child)) visit(child);
      else blocks.push({ block: child, section });
    }
  };
  visit(main);
  return blocks;
}

/**
 * The band of the viewport where a block counts as being read, as an IntersectionObserver
 * margin: from 2rem below the fixed bars (the header, and on a phone the contents bar) down
 * another 4rem.
 */
function readingBand(toc: HTMLElement): string {
  const header = document.querySelector('header')?.getBoundingClientRect().height ?? 0;
  const bar = toc.querySelector('summary')?.getBoundingClientRect().height ?? 0;
  const top = header + bar + 32;
  const below = document.documentElement.clientHeight - (top + 64);
  return `-${top}px 0px -${Math.max(0, below)}px`;
}

/** The id a link points to; a malformed escape in its hash is taken as it is written. */
function headingId(link: HTMLAnchorElement): string {
  const hash = link.hash.slice(1);
  try {
    return decodeURIComponent(hash);
  } catch {
    return hash;
  }
}

export class StarlightTOC extends HTMLElement {
  #current: HTMLAnchorElement | null = this.querySelector('a[aria-current="true"]');

  /** The link of the section being read (the mobile table also shows its text). */
  protected set current(link: HTMLAnchorElement) {
    if (link === this.#current) return;
    this.#current?.removeAttribute('aria-current');
    link.setAttribute('aria-current', 'true');
    this.#current = link;
  }

  constructor() {
    super();
    whenIdle(() => this.#watch());
  }

  /** Heading levels data-min-h to data-max-h with an id, and the page's title. */
  #headings(main: Element): Element[] {
    const min = Number.parseInt(this.dataset.minH ?? '2', 10);
    const max = Number.parseInt(this.dataset.maxH ?? '3', 10);
    const levels = Array.from({ length: max - min + 1 }, (_, k) => `h${min + k}[id]`);
    return [...main.querySelectorAll(`h1#${PAGE_TITLE_ID}, ${levels.join(', ')}`)];
  }

  #watch(): void {
    const main = document.querySelector('main');
    if (main === null) return;
    const links = new Map<string, HTMLAnchorElement>();
    for (const link of this.querySelectorAll('a')) links.set(headingId(link), link);
    const blocks = watchedBlocks(main, this.#headings(main));
    const sectionOf = new Map(blocks.map(({ block, section }) => [block, section]));
    const onChange: IntersectionObserverCallback = (entries) => {
      for (const entry of entries) {
        const link = entry.isIntersecting && links.get(sectionOf.get(entry.target) ?? '');
        if (link) {
          this.current = link;
          return;
        }
      }
    };
    let observer: IntersectionObserver | null = null;
    const observe = () => {
      // Two resizes can each queue one: only the last observer stays.
      observer?.disconnect();
      observer = new IntersectionObserver(onChange, { rootMargin: readingBand(this) });
      for (const { block } of blocks) observer.observe(block);
    };
    observe();
    // The band depends on the bars' heights and the window's: measured again once resizing stops.
    let settle: ReturnType<typeof setTimeout> | undefined;
    window.addEventListener('resize', () => {
      observer?.disconnect();
      observer = null;
      clearTimeout(settle);
      settle = setTimeout(() => whenIdle(observe), 200);
    });
  }
}

customElements.define('starlight-toc', StarlightTOC);
