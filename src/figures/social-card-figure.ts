/**
 * A page's social card (its og:image): the site's mark and name, the page's title, and one of the
 * page's own figures, drawn small beside them. 600 x 315 CSS px, so 1200 x 630 px as a PNG: the
 * size the large link previews of most sites use. The mark is the favicon's picture, a vertical
 * line in a 3 x 3 image (public/favicon.svg).
 */
import { dataColour } from './colour-maps.ts';
import type { Context2D } from './context-2d.ts';
import { drawText, fontFor } from './text.ts';
import { COLOURS } from './theme.ts';

/** The card's size in CSS px. */
export const SOCIAL_CARD_SIZE = { width: 600, height: 315 } as const;

/** What a card shows: the site's name, the page's title, and a picture drawn at its own size, which the card shrinks to fit. */
export interface SocialCard {
  site: string;
  title: string;
  picture: { width: number; height: number; draw: (ctx: Context2D) => void };
}

const MARGIN = 32;
/** The text column's width; the picture takes the rest. */
const TEXT_WIDTH = 290;
const TITLE_SIZE = 30;
const TITLE_LINE = 36;

/** `text` broken between words into lines no wider than `width` in the current font. */
function wrapLines(ctx: Context2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const longer = line === '' ? word : `${line} ${word}`;
    if (line !== '' && ctx.measureText(longer).width > width) {
      lines.push(line);
      line = word;
    } else line = longer;
  }
  return line === '' ? lines : [...lines, line];
}

/**
 * The favicon's picture: a white vertical line, the middle column of a dark 3 x 3 image of side
 * `side` at (x, y), stopping short of its top and bottom edges so the square stays whole on white.
 */
function drawMark(ctx: Context2D, x: number, y: number, side: number): void {
  const inset = side / 15;
  // The favicon's own colours, in every scheme.
  ctx.fillStyle = dataColour('#222222');
  ctx.fillRect(x, y, side, side);
  ctx.fillStyle = dataColour('#ffffff');
  ctx.fillRect(x + side / 3, y + inset, side / 3, side - 2 * inset);
}

/** Draws the card on a context of SOCIAL_CARD_SIZE. */
export function drawSocialCard(ctx: Context2D, card: SocialCard): void {
  const { width, height } = SOCIAL_CARD_SIZE;
  ctx.fillStyle = COLOURS.background;
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = COLOURS.loss;
  ctx.fillRect(0, height - 8, width, 8);
  drawMark(ctx, MARGIN, MARGIN, 24);
  drawText(ctx, card.site, MARGIN + 34, MARGIN + 12, {
    size: 16,
    weight: 600,
    colour: COLOURS.mutedText,
    baseline: 'middle',
  });
  ctx.font = fontFor({ size: TITLE_SIZE, weight: 600 });
  const lines = wrapLines(ctx, card.title, TEXT_WIDTH).slice(0, 5);
  lines.forEach((line, k) => {
    drawText(ctx, line, MARGIN, MARGIN + 80 + k * TITLE_LINE, { size: TITLE_SIZE, weight: 600 });
  });
  // The picture, shrunk to fit the right-hand box and centred in it.
  const box = { x: MARGIN + TEXT_WIDTH + 24, y: MARGIN, width: 0, height: height - 2 * MARGIN - 8 };
  box.width = width - MARGIN - box.x;
  const { picture } = card;
  const scale = Math.min(box.width / picture.width, box.height / picture.height);
  ctx.save();
  ctx.translate(
    box.x + (box.width - picture.width * scale) / 2,
    box.y + (box.height - picture.height * scale) / 2,
  );
  ctx.scale(scale, scale);
  picture.draw(ctx);
  ctx.restore();
}
