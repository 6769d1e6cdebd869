// Dev servers, ours against Starlight on the same imported release (run by bench/peers.ts after
// ../shared/peers/ours.sh and starlight.sh): `node bench/dev-pair.ts [--rounds 6]`.
//
// Edit to screen: both dev servers run, the largest chapter is open in each, and a new word is
// written into the same sentence of its source, ours then Starlight (A B A B, round 0 a warm-up),
// timed until the word is in the page's DOM, as ../shared/peers/pairs/devedit.mjs does.
// Two-step saves: the overview chapter is truncated and written in two halves 10-40 ms apart, as
// pairs/halfwrite.mjs does; counts content errors the dev server reported and saves never shown.
// Ports are picked free (other dev servers may run on the machine). Prints JSON.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, ftruncateSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { editAnchor, largestChapter, peerChapters } from './peer-chapters.ts';
import { median } from './stats.ts';

const { values: options } = parseArgs({ options: { rounds: { type: 'string', default: '6' } } });
const rounds = Math.max(2, Number(options.rounds));
const peersDir = process.env.PEERS_DIR ?? '/tmp/peers';
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

interface Server {
  process: ChildProcess;
  port: number;
  log: () => string;
}
async function start(cwd: string, command: string, args: string[]): Promise<Server> {
  const port = await freePort();
  const child = spawn(command, [...args, '--port', String(port), '--host', '127.0.0.1'], { cwd, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (data) => (log += data));
  child.stderr!.on('data', (data) => (log += data));
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/`)).status < 500) return { process: child, port, log: () => log };
    } catch {
      // Not listening yet.
    }
    await sleep(200);
  }
  throw new Error(`dev server in ${cwd} did not start:\n${log.slice(-2000)}`);
}

const ours = path.join(peersDir, 'ours');
const starlightRoot = path.join(peersDir, 'starlight');
const servers = {
  ours: await start(ours, 'npm', ['run', '-s', 'dev', '--']),
  starlight: await start(path.join(starlightRoot, 'site-x1-satteri'), path.join(starlightRoot, 'node_modules/.bin/astro'), ['dev']),
};
const stop = () => {
  for (const server of Object.values(servers)) {
    try {
      process.kill(-server.process.pid!, 'SIGTERM');
    } catch {
      // Already gone.
    }
  }
};
process.on('exit', stop);

// The largest chapter both sites have, edited in a sentence both sources have.
const largest = largestChapter(peerChapters(path.join(ours, 'content'), path.join(starlightRoot, 'site-x1-satteri/src/content/docs')));
const ANCHOR = editAnchor(largest);
const chapters = {
  ours: { file: largest.ours, path: largest.page },
  starlight: { file: largest.starlight, path: largest.page },
};
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const shows = (page: Page, token: string) => page.evaluate((text) => Boolean(document.body?.textContent?.includes(text)), token).catch(() => false);

const pages = {} as Record<keyof typeof chapters, Page>;
for (const name of Object.keys(chapters) as Array<keyof typeof chapters>) {
  pages[name] = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await pages[name].goto(`http://127.0.0.1:${servers[name].port}${chapters[name].path}`, { waitUntil: 'load', timeout: 180_000 });
}
await sleep(3000);

const times: Record<keyof typeof chapters, number[]> = { ours: [], starlight: [] };
const originals = new Map(Object.values(chapters).map((chapter) => [chapter.file, readFileSync(chapter.file, 'utf8')]));
try {
  for (let round = 0; round < rounds; round++) {
    for (const name of Object.keys(chapters) as Array<keyof typeof chapters>) {
      const token = `zqedit${name}${round}x${Date.now() % 100000}`;
      const original = originals.get(chapters[name].file)!;
      if (!original.includes(ANCHOR)) throw new Error(`${chapters[name].file} lacks the sentence the edit goes into`);
      const started = performance.now();
      writeFileSync(chapters[name].file, original.replace(ANCHOR, `${ANCHOR} ${token}`));
      let ms = Number.NaN;
      while (performance.now() - started < 60_000) {
        if (await shows(pages[name], token)) {
          ms = performance.now() - started;
          break;
        }
        await sleep(10);
      }
      if (round > 0) times[name].push(ms);
      console.error(`edit round ${round} ${name}: ${Math.round(ms)} ms`);
      await sleep(2000);
    }
  }
} finally {
  for (const [file, text] of originals) writeFileSync(file, text);
}

// Two-step saves into ours: the first half, a pause, the rest.
const overview = path.join(ours, 'content/01-overview.md');
const overviewText = readFileSync(overview, 'utf8');
const sentence = 'The Model Spec outlines the intended behavior';
const page = pages.ours;
await page.goto(`http://127.0.0.1:${servers.ours.port}/overview/`, { waitUntil: 'load', timeout: 180_000 });
await sleep(2000);
const errorsBefore = (servers.ours.log().match(/has errors/g) ?? []).length;
const halfwrites: Array<{ gap: number; shown: boolean; ms: number | null }> = [];
try {
  for (const gap of [10, 20, 40, 10, 20, 40]) {
    const token = `zqhalf${gap}x${Date.now() % 100000}`;
    const bytes = Buffer.from(overviewText.replace(sentence, `${sentence} ${token}`));
    const half = Math.floor(bytes.length / 2);
    const fd = openSync(overview, 'r+');
    ftruncateSync(fd, 0);
    writeSync(fd, bytes, 0, half, 0);
    await sleep(gap);
    writeSync(fd, bytes, half, bytes.length - half, half);
    closeSync(fd);
    const started = Date.now();
    let shown = false;
    while (Date.now() - started < 8000) {
      if (await shows(page, token)) {
        shown = true;
        break;
      }
      await sleep(25);
    }
    halfwrites.push({ gap, shown, ms: shown ? Date.now() - started : null });
    console.error(`two-step save, ${gap} ms apart: ${shown ? `shown after ${Date.now() - started} ms` : 'NOT shown within 8 s'}`);
    await sleep(1500);
  }
} finally {
  writeFileSync(overview, overviewText);
}
await sleep(1000);
const falseErrors = (servers.ours.log().match(/has errors/g) ?? []).length - errorsBefore;
await browser.close();
stop();

const pairs = times.ours.map((ms, index) => ms / times.starlight[index]!);
console.log(
  JSON.stringify({
    devEditLargestMs: { ours: median(times.ours), starlight: median(times.starlight), ratio: median(pairs), runs: times },
    devHalfwriteFalseErrors: falseErrors,
    devHalfwriteMissed: halfwrites.filter((save) => !save.shown).length,
    devHalfwrites: halfwrites,
  }),
);
process.exit(0);
