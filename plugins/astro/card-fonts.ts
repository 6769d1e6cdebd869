import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

// The social images' fonts, and what they can draw. Apart from social-images.ts (satori and
// resvg), so the build can check a title without loading the drawing code.

const require = createRequire(import.meta.url);
type Font = { name: string; data: Buffer; weight: 400 | 700; style: 'normal' };
let fonts: { list: Font[]; covers: (codePoint: number) => boolean } | undefined;

/**
 * Every subset of Inter that @fontsource ships (Latin, Latin Extended, Cyrillic, Greek,
 * Vietnamese), read with the Unicode ranges its CSS declares, so a title's characters can be
 * checked against what the fonts draw. Satori reads .woff, not .woff2.
 */
export function loadFonts() {
  if (fonts) return fonts;
  const list: Font[] = [];
  const ranges: Array<[number, number]> = [];
  for (const weight of [400, 700] as const) {
    const css = readFileSync(require.resolve(`@fontsource/inter/${weight}.css`), 'utf8');
    for (const face of css.split('@font-face').slice(1)) {
      const file = /url\(\.\/files\/(inter-[a-z-]+-\d+-normal)\.woff2\)/.exec(face)?.[1];
      const range = /unicode-range:\s*([^;]+);/.exec(face)?.[1];
      if (!file || !range) continue;
      list.push({ name: 'Inter', data: readFileSync(require.resolve(`@fontsource/inter/files/${file}.woff`)), weight, style: 'normal' });
      for (const part of range.split(',')) {
        const [from, to] = part
          .trim()
          .replace(/^U\+/i, '')
          .split('-')
          .map((hex) => parseInt(hex, 16));
        if (from !== undefined && !Number.isNaN(from)) ranges.push([from, to ?? from]);
      }
    }
  }
  fonts = { list, covers: (codePoint) => ranges.some(([from, to]) => codePoint >= from && codePoint <= to) };
  return fonts;
}

/**
 * The text with the characters the bundled fonts cannot draw (CJK, emoji, most math symbols)
 * left out, and which they were: an image shows what it can instead of empty boxes.
 */
export function drawableText(text: string): { text: string; missing: string[] } {
  const { covers } = loadFonts();
  const missing = new Set<string>();
  let kept = '';
  for (const char of text) {
    if (/\s/.test(char) || covers(char.codePointAt(0)!)) kept += char;
    else missing.add(char);
  }
  return { text: kept.replace(/\s{2,}/g, ' ').trim(), missing: [...missing] };
}
