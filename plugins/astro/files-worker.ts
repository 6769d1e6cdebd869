// Worker thread: the files a build writes straight from the model, off the thread that renders
// pages. Social images (satori's layout and the PNG encoding are synchronous work) are drawn into
// the image cache; short-link pages and the images they unfurl with are written into a staging
// folder that the build moves into the site when Astro is done with it.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { cachedImagePath, type FilesJob, type FilesMessage, type SocialCard } from './card-files.ts';

// satori, resvg and the fonts: loaded as the worker starts when the build expects to draw (a cold
// cache), otherwise with the first card missing from the cache (most rebuilds draw none).
let images: Promise<typeof import('./social-images.ts')> | undefined;
const drawing = () => (images ??= import('./social-images.ts'));
if ((workerData as { preload?: boolean } | null)?.preload !== false) void drawing();

/** Every card asked for, by cache file: each is drawn once, whether it came early or with the job. */
const drawn = new Map<string, Promise<void>>();
const queue: Array<{ card: SocialCard; cacheDir: string; resolve: () => void; reject: (error: unknown) => void }> = [];
let busy = false;
let drawnCount = 0;

function draw(cards: SocialCard[], cacheDir: string): void {
  for (const card of cards) {
    const file = cachedImagePath(card, cacheDir);
    if (drawn.has(file)) continue;
    const image = new Promise<void>((resolve, reject) => queue.push({ card, cacheDir, resolve, reject }));
    image.catch(() => {}); // Reported by the job, which awaits every card.
    drawn.set(file, image);
  }
  void drawQueue();
}

// One card at a time: drawing is synchronous work on this thread, and a card's native image is
// freed only between cards (social-images.ts).
async function drawQueue(): Promise<void> {
  if (busy) return;
  busy = true;
  while (queue.length > 0) {
    const { card, cacheDir, resolve, reject } = queue.shift()!;
    await drawing()
      .then(({ socialImage }) => socialImage(card, cacheDir))
      .then(() => {
        drawnCount++;
        resolve();
      }, reject);
  }
  busy = false;
}

async function run(job: FilesJob): Promise<number> {
  // Pages first: they need no drawing, and written after the cards they took three times as long
  // (the build's main thread was by then waiting on this worker).
  for (const page of job.pages ?? []) {
    mkdirSync(path.dirname(path.join(job.staging!, page.file)), { recursive: true });
    writeFileSync(path.join(job.staging!, page.file), page.html);
  }
  draw(job.cards, job.cacheDir);
  // Every card, also those handed over before the job (a failure among them fails the build).
  await Promise.all(drawn.values());
  for (const image of job.images ?? []) {
    mkdirSync(path.dirname(path.join(job.staging!, image.file)), { recursive: true });
    copyFileSync(cachedImagePath(image.card, job.cacheDir), path.join(job.staging!, image.file));
  }
  return drawnCount;
}

parentPort!.on('message', async (message: FilesMessage) => {
  if ('draw' in message) return draw(message.draw, message.cacheDir);
  try {
    parentPort!.postMessage({ drawn: await run(message.job) });
  } catch (error) {
    // The build stops: the cards still queued would only keep this thread alive.
    queue.length = 0;
    parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  parentPort!.close();
});
