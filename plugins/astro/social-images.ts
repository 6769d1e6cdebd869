import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import { cachedImagePath } from './social-cards.ts';

export type { SocialCard } from './social-cards.ts';
import type { SocialCard } from './social-cards.ts';

export const SOCIAL_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** The rank scale of the site's badges (spec.css, light), highest first. */
const RANKS = ['#4c1d95', '#3730a3', '#1d4ea8', '#345a78', '#4b5563', '#5f6670'];

const require = createRequire(import.meta.url);
let fonts: { name: string; data: Buffer; weight: 400 | 700; style: 'normal' }[] | undefined;
function loadFonts() {
  // Satori reads .woff (not .woff2); Inter's Latin subset covers the demo and most specs' titles.
  fonts ??= ([400, 700] as const).map((weight) => ({
    name: 'Inter',
    data: readFileSync(require.resolve(`@fontsource/inter/files/inter-latin-${weight}-normal.woff`)),
    weight,
    style: 'normal' as const,
  }));
  return fonts;
}

/**
 * The PNG for one card, drawn with satori and resvg at build time, or read from `cacheDir` when
 * an identical card was drawn before (by this build or an earlier one).
 */
export async function socialImage(card: SocialCard, cacheDir: string): Promise<Buffer> {
  const file = cachedImagePath(card, cacheDir);
  try {
    return readFileSync(file);
  } catch {
    // Not drawn yet.
  }
  const png = await drawCard(card);
  mkdirSync(cacheDir, { recursive: true });
  // Written aside and renamed: a build stopped halfway never leaves a truncated image behind.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return png;
}


async function drawCard(card: SocialCard): Promise<Buffer> {
  const colour = card.authority ? RANKS[Math.min(card.authority.rank, RANKS.length - 1)]! : RANKS[4]!;
  const title = card.title.length > 110 ? `${card.title.slice(0, 107)}…` : card.title;
  const node = (type: string, style: Record<string, unknown>, children?: unknown) => ({ type, props: { style, children } });
  const footer = [
    ...(card.authority ? [node('div', { display: 'flex', padding: '6px 26px', borderRadius: 999, background: colour, color: '#ffffff', fontWeight: 700 }, `${card.authority.label} authority`)] : []),
  ];
  const svg = await satori(
    node('div', { width: SOCIAL_IMAGE_SIZE.width, height: SOCIAL_IMAGE_SIZE.height, boxSizing: 'border-box', display: 'flex', flexDirection: 'column', padding: '56px 72px', background: '#ffffff', borderTop: `18px solid ${colour}`, fontFamily: 'Inter', color: '#1b1f24' }, [
      node('div', { display: 'flex', fontSize: 30, color: '#57606a' }, card.spec),
      node('div', { display: 'flex', flexGrow: 1, alignItems: 'center', fontSize: title.length > 60 ? 58 : 70, fontWeight: 700, lineHeight: 1.12, letterSpacing: '-0.02em' }, title),
      node('div', { display: 'flex', alignItems: 'center', fontSize: 30 }, footer),
    ]) as never,
    { ...SOCIAL_IMAGE_SIZE, fonts: loadFonts() },
  );
  // Rasterized on libuv's thread pool, so the next card's layout goes on meanwhile.
  return (await renderAsync(svg, { fitTo: { mode: 'width', value: SOCIAL_IMAGE_SIZE.width } })).asPng();
}
