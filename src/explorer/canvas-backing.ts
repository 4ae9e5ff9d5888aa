/**
 * The size of the canvas's pixel buffer: the frame is laid out in CSS-pixel units (300 to 720 of
 * them across, see frame-width.ts), shown at whatever width the page gives it, and drawn at that
 * width times devicePixelRatio so it is sharp on every screen. Pure arithmetic.
 */

/** A canvas buffer size and the scale from layout units to buffer pixels. */
export interface CanvasBacking {
  width: number;
  height: number;
  scale: number;
}

/** Never draw below this scale (a frame too small to read is at least not blurred when zoomed a little). */
const MIN_SCALE = 0.5;
/** Never draw above this scale (a 720-unit frame at 4x is a 2880-pixel buffer: plenty). */
const MAX_SCALE = 4;

/**
 * The buffer for a frame of layoutWidth x layoutHeight units shown `displayWidth` CSS pixels wide
 * on a screen with `pixelRatio` device pixels per CSS pixel. Before the canvas is laid out
 * (displayWidth 0), the frame's own width is assumed.
 */
export function canvasBacking(
  layoutWidth: number,
  layoutHeight: number,
  displayWidth: number,
  pixelRatio: number,
): CanvasBacking {
  const shown = displayWidth > 0 ? displayWidth : layoutWidth;
  const ratio = Number.isFinite(pixelRatio) && pixelRatio > 0 ? pixelRatio : 1;
  const wanted = Math.min(MAX_SCALE, Math.max(MIN_SCALE, (shown * ratio) / layoutWidth));
  // A whole number of pixels across, and the scale that fills exactly that many.
  const width = Math.round(layoutWidth * wanted);
  const scale = width / layoutWidth;
  return { width, height: Math.round(layoutHeight * scale), scale };
}
