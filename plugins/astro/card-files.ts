import { createHash } from 'node:crypto';
import path from 'node:path';

// What the build and the files worker share about social images. It imports nothing of the
// model: the worker loads only this, satori and resvg (the model's graph took it half a second).

/** What a section's social image shows. Everything that changes the picture is here, so it is the cache key. */
export interface SocialCard {
  /** The section's id: the title when the bundled fonts can draw none of it (a title in Japanese). */
  id: string;
  title: string;
  /** The section's authority level and its rank (0 = highest), or null. */
  authority: { label: string; rank: number } | null;
  spec: string;
}

/** Bump when the template in social-images.ts changes, so cached images are redrawn. */
const TEMPLATE = 6;

export function cachedImagePath(card: SocialCard, cacheDir: string): string {
  return path.join(cacheDir, `${createHash('sha256').update(JSON.stringify({ TEMPLATE, card })).digest('hex').slice(0, 32)}.png`);
}

/** A job for the files worker: cards to draw into the cache and, for a build, what to stage. */
export interface FilesJob {
  cacheDir: string;
  cards: SocialCard[];
  /** The staging folder the files below are written into (paths relative to it). */
  staging?: string;
  pages?: Array<{ file: string; html: string }>;
  images?: Array<{ file: string; card: SocialCard }>;
}

/** What the files worker is sent: cards to start drawing (any number of times), then its one job. */
export type FilesMessage = { draw: SocialCard[]; cacheDir: string } | { job: FilesJob };
