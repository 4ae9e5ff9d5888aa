/**
 * The width the explorer lays its frame out at: the width the canvas is shown at, within the
 * range the frame's layouts cover. A phone gets a frame drawn for its own width (stacked, with
 * text at full size) rather than the animation's 720-px frame shrunk to half. Pure arithmetic.
 */

import { CONTENT_WIDTH } from '../figures/theme.ts';

/** The narrowest frame the layout makes; narrower screens show it slightly scaled down. */
const MIN_FRAME_WIDTH = 300;
/** The animation's width: wider screens show the 720-px frame scaled up. */
const MAX_FRAME_WIDTH = CONTENT_WIDTH;

/**
 * The layout width in CSS pixels for a canvas shown `displayWidth` CSS pixels wide: its whole
 * pixels, clamped to [300, CONTENT_WIDTH]; CONTENT_WIDTH before the canvas is laid out (width 0).
 */
export function frameLayoutWidth(displayWidth: number): number {
  if (!(displayWidth > 0)) return MAX_FRAME_WIDTH;
  // Rounded down, so a frame between the limits is never shown below its own size.
  return Math.min(MAX_FRAME_WIDTH, Math.max(MIN_FRAME_WIDTH, Math.floor(displayWidth)));
}
