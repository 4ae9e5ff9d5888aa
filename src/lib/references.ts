/**
 * The tutorial's numbered references. <Cite n={k}/> links to entry k; <References/> lists them.
 */

/** One work the tutorial draws on. */
export interface Reference {
  authors: string;
  title: string;
  /** Where it appeared, if anywhere but the author's own site. */
  publisher?: string;
  year?: number;
  url: string;
}

/** The references in citation order: REFERENCES[k - 1] is reference [k]. */
export const REFERENCES: readonly Reference[] = [
  {
    authors: 'Samson Zhang',
    title: 'Simple MNIST NN from scratch (numpy, no TF/Keras)',
    publisher: 'Kaggle',
    year: 2018,
    url: 'https://www.kaggle.com/code/wwsalmon/simple-mnist-nn-from-scratch-numpy-no-tf-keras',
  },
  {
    authors: 'Jeremy Howard and Sylvain Gugger',
    title: 'Practical Deep Learning for Coders, Chapter 17: A Neural Net from the Foundations',
    publisher: 'fast.ai',
    url: 'https://fastai.github.io/fastbook2e/foundations.html',
  },
  {
    authors: 'Shivam Mehta',
    title: 'Deriving categorical cross entropy and softmax',
    year: 2023,
    url: 'https://shivammehta25.github.io/posts/deriving-categorical-cross-entropy-and-softmax/',
  },
  {
    authors: 'Eli Bendersky',
    title: 'The Softmax function and its derivative',
    year: 2016,
    url: 'https://eli.thegreenplace.net/2016/the-softmax-function-and-its-derivative/',
  },
  {
    authors: 'Kian Katanforoosh and Daniel Kunin',
    title: 'Initializing neural networks',
    publisher: 'deeplearning.ai',
    year: 2019,
    url: 'https://www.deeplearning.ai/ai-notes/initialization/index.html',
  },
];

/** The fragment id of reference n (1-based), e.g. "ref-3". */
export function referenceAnchor(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > REFERENCES.length) {
    throw new Error(
      `<Cite n={${n}}>: there is no reference [${n}] (references are 1 to ${REFERENCES.length})`,
    );
  }
  return `ref-${n}`;
}
