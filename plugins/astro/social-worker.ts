// Worker thread: draws the social images a build needs into the image cache, off the thread that
// renders pages (satori's layout and the PNG encoding are synchronous work).
import { parentPort, workerData } from 'node:worker_threads';
import { socialImage, type SocialCard } from './social-images.ts';

const { cards, cacheDir } = workerData as { cards: SocialCard[]; cacheDir: string };
for (const card of cards) await socialImage(card, cacheDir);
parentPort!.postMessage('done');
