import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { renderAsync } from '@resvg/resvg-js';
import satori from 'satori';
import type { SiteModel } from '../model/site.ts';
import { siteUrls } from '../model/urls.ts';

/** What a section's social image shows. Everything that changes the picture is here, so it is the cache key. */
export interface SocialCard {
  title: string;
  /** The section's authority level and its rank (0 = highest), or null. */
  authority: { label: string; rank: number } | null;
  spec: string;
}

export const SOCIAL_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** Bump when the template below changes, so cached images are redrawn. */
const TEMPLATE = 2;
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

function cachedImagePath(card: SocialCard, cacheDir: string): string {
  return path.join(cacheDir, `${createHash('sha256').update(JSON.stringify({ TEMPLATE, card })).digest('hex').slice(0, 32)}.png`);
}

/**
 * One social image per section (examples unfurl with their section's image): a spec has hundreds
 * of examples, and a picture of an example's title says little more than its section's. The card
 * names no version, so a section unchanged across releases is drawn once and cached for all.
 * Keyed by URL path (`/base/s/<id>/og.png`), for the editions rendered in this build.
 */
export function socialCards(site: SiteModel): Map<string, SocialCard> {
  const cards = new Map<string, SocialCard>();
  for (const edition of site.editions) {
    if (edition.pagesCached) continue;
    const { config } = edition.model;
    const urls = siteUrls(site.config.site, site.config.base, edition.prefix);
    for (const [id, { section }] of edition.model.sections) {
      const rank = config.authorityLevels.findIndex((level) => level.name === section.authority);
      cards.set(`${urls.short(id)}og.png`, { title: section.title, authority: rank < 0 ? null : { label: config.authorityLevels[rank]!.label, rank }, spec: config.title });
    }
  }
  return cards;
}

/**
 * Draws the cards missing from the cache in a worker thread, so the build's main thread goes on
 * rendering pages meanwhile; resolves when every card is in the cache.
 */
export function drawInWorker(cards: Iterable<SocialCard>, cacheDir: string): Promise<void> {
  const missing = [...new Map([...cards].map((card) => [cachedImagePath(card, cacheDir), card])).entries()].filter(([file]) => !existsSync(file)).map(([, card]) => card);
  if (missing.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./social-worker.ts', import.meta.url), { workerData: { cards: missing, cacheDir } });
    worker.once('message', () => resolve());
    worker.once('error', reject);
    worker.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`the social image worker stopped with code ${code}`))));
  });
}

/** Copies the cards' images from the cache into the built site (after drawInWorker). */
export async function writeSocialImages(cards: Map<string, SocialCard>, cacheDir: string, outDir: string, base: string): Promise<void> {
  for (const [url, card] of cards) {
    const file = path.join(outDir, url.slice(base.length));
    mkdirSync(path.dirname(file), { recursive: true });
    const cached = cachedImagePath(card, cacheDir);
    if (existsSync(cached)) copyFileSync(cached, file);
    else writeFileSync(file, await socialImage(card, cacheDir));
  }
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
