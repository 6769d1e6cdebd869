// Worker thread: the files a build writes straight from the model, off the thread that renders
// pages. Social images (satori's layout and the PNG encoding are synchronous work) are drawn into
// the image cache; short-link pages and the images they unfurl with are written into a staging
// folder that the build moves into the site when Astro is done with it.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { cachedImagePath, type FilesJob } from './card-files.ts';
import { socialImage } from './social-images.ts';

// satori, resvg and the fonts load as the worker starts, before the job arrives.
parentPort!.once('message', async (job: FilesJob) => {
  try {
    // Pages first: they need no drawing, and written after the cards they took three times as
    // long (the build's main thread was by then waiting on this worker).
    for (const page of job.pages ?? []) {
      mkdirSync(path.dirname(path.join(job.staging!, page.file)), { recursive: true });
      writeFileSync(path.join(job.staging!, page.file), page.html);
    }
    // One card ahead: satori lays out the next card here while resvg rasterizes this one on
    // libuv's thread pool.
    let drawing: Promise<unknown> = Promise.resolve();
    for (const card of job.cards) {
      const next = socialImage(card, job.cacheDir);
      next.catch(() => {}); // Thrown where it is awaited, in turn.
      await drawing;
      drawing = next;
    }
    await drawing;
    for (const image of job.images ?? []) {
      mkdirSync(path.dirname(path.join(job.staging!, image.file)), { recursive: true });
      copyFileSync(cachedImagePath(image.card, job.cacheDir), path.join(job.staging!, image.file));
    }
    parentPort!.postMessage({ done: true });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
  parentPort!.close();
});
