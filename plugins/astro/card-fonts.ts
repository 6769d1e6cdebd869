import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// The social images' fonts, and what they can draw. Apart from social-images.ts (satori and
// resvg), so the build can check a title without loading the drawing code.

const require = createRequire(import.meta.url);
type Font = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };
/** One subset of Inter (`latin`, `greek`, …): the Unicode ranges it draws and its two weights, under its own name. */
type Subset = { name: string; ranges: Array<[number, number]>; faces: Font[] };
let subsets: Subset[] | undefined;

/**
 * Every subset of Inter that @fontsource ships (Latin first, then Latin Extended, Cyrillic,
 * Greek, Vietnamese), read with the Unicode ranges its CSS declares, so a title's characters can
 * be checked against what the fonts draw. Satori reads .woff, not .woff2.
 */
function loadSubsets(): Subset[] {
  if (subsets) return subsets;
  const byFile = new Map<string, Subset>();
  for (const weight of [400, 700] as const) {
    const css = readFileSync(require.resolve(`@fontsource/inter/${weight}.css`), 'utf8');
    for (const face of css.split('@font-face').slice(1)) {
      const file = /url\(\.\/files\/inter-([a-z-]+)-\d+-normal\.woff2\)/.exec(face)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(face)?.[1];
      if (!file || !range) continue;
      let subset = byFile.get(file);
      if (!subset) {
        subset = { name: `Inter ${file}`, ranges: parseRanges(range), faces: [] };
        byFile.set(file, subset);
      }
      const data = readFileSync(require.resolve(`@fontsource/inter/files/inter-${file}-${weight}-normal.woff`));
      subset.faces.push({ name: subset.name, data, weight, style: 'normal' });
    }
  }
  subsets = [...byFile.values()].sort((a, b) => Number(b.name === 'Inter latin') - Number(a.name === 'Inter latin'));
  return subsets;
}

function parseRanges(range: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const part of range.split(',')) {
    const [from, to] = part
      .trim()
      .replace(/^U\+/i, '')
      .split('-')
      .map((hex) => parseInt(hex, 16));
    if (from !== undefined && !Number.isNaN(from)) ranges.push([from, to ?? from]);
  }
  return ranges;
}

/** The index of the subset that draws a character (-1: none does). */
function subsetOf(char: string): number {
  const codePoint = char.codePointAt(0)!;
  return loadSubsets().findIndex((subset) => subset.ranges.some(([from, to]) => codePoint >= from && codePoint <= to));
}
const cardFonts = new Map<string, { fonts: Font[]; family: string }>();

/**
 * The faces a card's text needs, and the CSS font family that names them. Each subset is its own
 * family: satori falls back from one family to the next for a glyph the first lacks, but of
 * several faces under one name it uses one, and every other script came out as "no glyph"
 * boxes. Only the subsets that draw one of the text's characters are given (Latin alone for most
 * specs): satori keeps every face it was given decoded for the rest of the build, and all
 * fourteen cost the worker about 30 MB.
 */
export function fontsFor(text: string): { fonts: Font[]; family: string } {
  const all = loadSubsets();
  // Latin always: satori needs a face even for a card with nothing to draw.
  const needed = new Set([0]);
  for (const char of text) {
    const index = subsetOf(char);
    if (index >= 0) needed.add(index);
  }
  const chosen = [...needed].sort((a, b) => a - b).map((index) => all[index]!);
  const key = chosen.map((subset) => subset.name).join(',');
  let result = cardFonts.get(key);
  if (!result) {
    result = { fonts: chosen.flatMap((subset) => subset.faces), family: chosen.map((subset) => `"${subset.name}"`).join(', ') };
    cardFonts.set(key, result);
  }
  return result;
}

/**
 * The text with the characters the bundled fonts cannot draw (CJK, emoji, most math symbols)
 * left out, and which they were: an image shows what it can instead of empty boxes.
 */
export function drawableText(text: string): { text: string; missing: string[] } {
  const missing = new Set<string>();
  let kept = '';
  for (const char of text) {
    if (/\s/.test(char) || subsetOf(char) >= 0) kept += char;
    else missing.add(char);
  }
  return { text: kept.replace(/\s{2,}/g, ' ').trim(), missing: [...missing] };
}
