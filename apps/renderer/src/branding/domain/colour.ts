/**
 * Brand colours fill header bars and large headings printed on white, and sit behind white text, so 3:1 is the
 * bar to clear: WCAG 2.x asks that of large text (1.4.3) and of UI components (1.4.11), not the 4.5:1 of body text.
 */
export const MIN_CONTRAST = 3;

/**
 * A colour as a tenant types it, `#rgb` or `#rrggbb` in either case, written one way (`#rrggbb`, lowercase) so the
 * stored value compares and renders the same everywhere. Anything else (names, `rgb()`, alpha) is `undefined`:
 * the colour reaches CSS and PDF templates, where only this shape is known to be inert.
 */
export function parseColour(value: string): string | undefined {
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  if (/^#[0-9a-f]{6}$/i.test(value)) return value.toLowerCase();
  return undefined;
}

/**
 * WCAG 2.x contrast ratio between two colours, from 1 (same luminance) to 21 (black on white); the order of the
 * arguments does not matter. Throws on a colour `parseColour` refuses: callers validate input before judging it.
 */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (lighter + 0.05) / (darker + 0.05);
}

/** WCAG's relative luminance: linearised sRGB channels weighted by how bright the eye finds them. */
function relativeLuminance(colour: string): number {
  const hex = parseColour(colour);
  if (hex === undefined) throw new RangeError(`Not a #rgb or #rrggbb colour: "${colour}"`);
  const [r, g, b] = [1, 3, 5].map((at) => linearChannel(parseInt(hex.slice(at, at + 2), 16) / 255));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/**
 * Undoes the sRGB transfer curve. The threshold is sRGB's own 0.04045 (WCAG 2.0 printed 0.03928); no 8-bit
 * channel value falls between the two, so the ratios agree with either.
 */
function linearChannel(c: number): number {
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}
