import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { SiteModel } from '../site/index.ts';
import { siteUrls } from '../model/index.ts';

// What the build needs to know about social images, without loading satori and resvg: the
// drawing (social-images.ts) runs in a worker thread (social-worker.ts).

/** What a section's social image shows. Everything that changes the picture is here, so it is the cache key. */
export interface SocialCard {
  title: string;
  /** The section's authority level and its rank (0 = highest), or null. */
  authority: { label: string; rank: number } | null;
  spec: string;
}

/** Bump when the template in social-images.ts changes, so cached images are redrawn. */
const TEMPLATE = 3;

export function cachedImagePath(card: SocialCard, cacheDir: string): string {
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
      const rank = config.authorityLevels.findIndex((level) => level.name === section.effectiveAuthority);
      cards.set(`${urls.short(id)}og.png`, {
        title: section.displayTitle,
        authority: rank < 0 ? null : { label: config.authorityLevels[rank]!.label, rank },
        spec: config.title,
      });
    }
  }
  return cards;
}

/**
 * Draws the cards missing from the cache in a worker thread, so the build's main thread goes on
 * rendering pages meanwhile; resolves when every card is in the cache.
 */
export function drawInWorker(cards: Iterable<SocialCard>, cacheDir: string): Promise<void> {
  const missing = [...new Map([...cards].map((card) => [cachedImagePath(card, cacheDir), card])).entries()]
    .filter(([file]) => !existsSync(file))
    .map(([, card]) => card);
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
    if (!existsSync(cached)) await drawInWorker([card], cacheDir);
    copyFileSync(cached, file);
  }
}
