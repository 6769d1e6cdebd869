import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { SiteModel } from '../site/index.ts';
import { siteUrls, type SpecModel } from '../model/index.ts';
import { cachedImagePath, type FilesJob, type FilesMessage, type SocialCard } from './card-files.ts';

// What the build needs to know about social images, without loading satori and resvg: the
// drawing (social-images.ts) runs in a worker thread (files-worker.ts).

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
    const urls = siteUrls(site.config.site, site.config.base, edition.prefix);
    for (const [id, card] of sectionCards(edition.model)) cards.set(urls.socialImage(id), card);
  }
  return cards;
}

/** Each section's card, by section id: what its picture shows, known once the spec's data is loaded (before page bodies are rendered). */
export function sectionCards(model: SpecModel): Map<string, SocialCard> {
  const { config } = model;
  const cards = new Map<string, SocialCard>();
  for (const [id, { section }] of model.sections) {
    const rank = config.authorityLevels.findIndex((level) => level.name === section.effectiveAuthority);
    cards.set(id, {
      id,
      title: section.displayTitle,
      authority: rank < 0 ? null : { label: config.authorityLevels[rank]!.label, rank },
      spec: config.title,
    });
  }
  return cards;
}

/**
 * A worker thread for the files written straight from the model (files-worker.ts). It starts at
 * once, so loading satori and resvg overlaps the spec's loading; `run` hands it its one job.
 */
export class FilesWorker {
  // A small young generation: the worker's garbage is many short-lived buffers (one image at a
  // time), and the default sizing added about 100 MB to a build's peak memory for no speed.
  private readonly worker: Worker;
  private readonly finished: Promise<{ drawn: number }>;

  /** `preload`: load satori, resvg and the fonts at once (when cards will likely be drawn), not on the first card. */
  constructor({ preload = true }: { preload?: boolean } = {}) {
    this.worker = new Worker(new URL('./files-worker.ts', import.meta.url), { workerData: { preload }, resourceLimits: { maxYoungGenerationSizeMb: 4 } });
    this.finished = new Promise((resolve, reject) => {
      let failure: Error | undefined;
      // On a failure the thread is stopped before the job rejects: a card it was still drawing
      // would otherwise be written (its folder made again) after the build had given up.
      this.worker.once('message', (result: { drawn: number } | { error: string }) => {
        if (!('error' in result)) return resolve(result);
        failure = new Error(result.error);
        void this.worker.terminate();
      });
      this.worker.once('error', reject);
      this.worker.once('exit', (code) => reject(failure ?? new Error(`the files worker stopped with code ${code} before finishing`)));
    });
    this.finished.catch(() => {}); // Reported by whoever awaits `run`.
    // Until it has a job, a waiting worker must not keep the process alive (a build that stops early).
    this.worker.unref();
  }

  /**
   * Starts drawing cards missing from the cache before the job is known: the build hands them
   * over once the spec's data is loaded, so drawing overlaps the rendering of page bodies.
   */
  draw(cards: Iterable<SocialCard>, cacheDir: string): void {
    this.worker.postMessage({ draw: missingCards(cards, cacheDir), cacheDir } satisfies FilesMessage);
  }

  /** Draws the job's cards missing from the cache and writes its files; resolves, with how many cards were drawn, when all are written. */
  run(job: FilesJob): Promise<{ drawn: number }> {
    this.worker.ref();
    this.worker.postMessage({ job: { ...job, cards: missingCards(job.cards, job.cacheDir) } } satisfies FilesMessage);
    return this.finished;
  }

  /** Stops the worker without a job (the build failed before it had one). */
  stop(): void {
    void this.worker.terminate();
  }
}

/** Draws the cards missing from the cache in a worker thread (the dev server, on request). */
export async function drawInWorker(cards: Iterable<SocialCard>, cacheDir: string): Promise<void> {
  const missing = missingCards(cards, cacheDir);
  if (missing.length > 0) await new FilesWorker().run({ cacheDir, cards: missing });
}

/** The cards whose image is not in the cache yet, each once. */
function missingCards(cards: Iterable<SocialCard>, cacheDir: string): SocialCard[] {
  const byFile = new Map([...cards].map((card) => [cachedImagePath(card, cacheDir), card]));
  return [...byFile].filter(([file]) => !existsSync(file)).map(([, card]) => card);
}
