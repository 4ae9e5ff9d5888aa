/**
 * The figures' font for the explorer's canvas, under a family of its own. The page declares the
 * text font with `font-display: optional` (src/components/starlight/Head.astro): a face that
 * misses the first paint is left unused for the whole visit, so that no text moves, and a canvas
 * asking for it would get the browser's fallback instead. These faces load whenever they can and
 * are named second in every figure's font (text.ts), so the frame is set in Source Sans 3 either
 * way; the page's own text never asks for this family. The files are the page's, already fetched.
 */
import { CANVAS_FONT_FAMILY } from '../figures/theme.ts';
import { TEXT_FONT_FILES } from '../lib/text-font-files.ts';

const { regular, semibold, italic } = TEXT_FONT_FILES;

const FACES: readonly [string, FontFaceDescriptors][] = [
  [regular, { weight: '400', style: 'normal' }],
  [semibold, { weight: '600', style: 'normal' }],
  [italic, { weight: '400', style: 'italic' }],
];

/** Loads the canvas's faces (the weights and styles a frame uses) before the first frame is drawn. */
export async function loadCanvasFont(): Promise<void> {
  const faces = FACES.map(
    ([url, descriptors]) =>
      new FontFace(CANVAS_FONT_FAMILY, `url(${url}) format('woff2')`, {
        ...descriptors,
        display: 'swap',
      }),
  );
  for (const face of faces) document.fonts.add(face);
  try {
    await Promise.all(faces.map((face) => face.load()));
  } catch {
    // A font that fails to load leaves the browser's fallback: still a readable frame.
  }
}
