/**
 * The images an explorer trains on when its experiment brings its own (CSV files): the build
 * publishes every experiment's datasets as CSV downloads, and the explorer reads them back from
 * the site. Any other run trains on the images its data seed generates. Pure but for the
 * `fetchText` it is given: addresses in, datasets (or an error naming the address) out.
 */
import { parseCsv } from '../nn/csv.ts';
import type { Datasets } from '../nn/datasets.ts';

/** Where an experiment's datasets are on the site, and what its results call them. */
export interface ImageFiles {
  /** The experiment's data seed: a run on these images keeps it (it does not make them). */
  dataSeed: number;
  /** The training set's CSV download. */
  train: string;
  /** Each validation set's name and title (as in the experiment's results) and CSV download, in order. */
  validation: { name: string; title: string; url: string }[];
}

/** The text at an address: the browser's fetch in the page, a stand-in in the tests. */
export type FetchText = (url: string) => Promise<string>;

/**
 * The datasets in `files`, read with the same CSV parser as the build's. A file that cannot be
 * fetched or read rejects with an error naming its address.
 */
export async function loadImages(files: ImageFiles, fetchText: FetchText): Promise<Datasets> {
  const read = async (url: string, name: string) => {
    let text: string;
    try {
      text = await fetchText(url);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`could not fetch ${url}: ${reason}`);
    }
    // parseCsv names errors by the address and the set by its file's base name: the set's own
    // name (the one its results use) replaces that.
    return { ...parseCsv(text, url), name };
  };
  const [train, ...validation] = await Promise.all([
    read(files.train, 'train'),
    ...files.validation.map((set) => read(set.url, set.name)),
  ]);
  return { train: train!, validation };
}

/** The browser's fetch as a FetchText: an answer other than 2xx is an error with its status. */
export async function fetchSiteText(url: string): Promise<string> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}
