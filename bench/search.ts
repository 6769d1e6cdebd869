// Search figures for a built site: index size on disk, bytes a first query fetches, and time to
// first results for a common and a rare word, measured in Debian's Chromium over a local static
// server. Figures, not a pass/fail test.
//
//   node bench/search.ts <distDir> [base] [--runs=5] [--common=word] [--rare=word] [--json]
//
// `measureSearch(distDir, base)` is the same measurement as a function (bench/run.ts calls it).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page, Request } from 'playwright-core';
import { launchChromium } from '../scripts/harness/browser.ts';
import { serveStatic } from '../scripts/harness/static-server.ts';
import { median } from './stats.ts';

export interface SearchBenchOptions {
  /** Runs per figure; the median is reported (default 5). */
  runs?: number;
  /** Words to search for; by default picked from the site's spec.json (see `pickWords`). */
  common?: string;
  rare?: string;
  /** Reuse a browser (one is launched and closed otherwise). */
  browser?: Browser;
}

export interface TransferBreakdown {
  /** Bytes of response bodies (uncompressed: the local server does not compress). */
  total: number;
  requests: number;
  /** pagefind.js, its worker and WebAssembly. */
  runtime: number;
  /** pf_meta, pf_index and pf_filter chunks. */
  index: number;
  /** pf_fragment files: the records' data (in shared files past 64 records, plugins/astro/pagefind.ts). */
  fragments: number;
  /** The site's own search code (`/_astro/*.js` loaded on demand). */
  ui: number;
}

export interface QueryFigures {
  word: string;
  /** How many records contain the word (from spec.json) and how many results the UI reported. */
  documents: number;
  results: number;
  /**
   * Fresh browser cache and page each run: from the input event (typed as the dialog opens) to
   * the first result in the list. Includes loading the search code, Pagefind and the index, and
   * the dialog's 60 ms typing debounce.
   */
  coldMs: number;
  coldRunsMs: number[];
  /** Same query again on a warm page (everything cached): debounce + search + render. */
  warmMs: number;
  /** Pagefind alone on a warm page: `search()` plus `data()` of the first result. */
  engineMs: number;
  /** What the cold run fetched, from opening the dialog until the first page of results (20) is in (median run). */
  fetched: TransferBreakdown;
}

export interface SearchBenchResult {
  distDir: string;
  base: string;
  records: { sections: number; examples: number };
  index: { bytes: number; files: number; byKind: Record<string, { bytes: number; files: number }> };
  common: QueryFigures;
  rare: QueryFigures;
}

/** Size of dist/pagefind, in total and by kind of file. */
export function indexSize(distDir: string): SearchBenchResult['index'] {
  const root = path.join(distDir, 'pagefind');
  const byKind: Record<string, { bytes: number; files: number }> = {};
  let bytes = 0;
  let files = 0;
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        walk(full);
        continue;
      }
      const size = statSync(full).size;
      const kind = path.extname(entry.name).slice(1) || entry.name;
      byKind[kind] ??= { bytes: 0, files: 0 };
      byKind[kind].bytes += size;
      byKind[kind].files += 1;
      bytes += size;
      files += 1;
    }
  };
  walk(root);
  return { bytes, files, byKind };
}

const stopWords = new Set(
  'that this with from have what when they their them then than there were will would should could about which your into also more some such only other does just like these those been being over because after before where while each very most make made want wants asks asked says said user users'.split(
    ' ',
  ),
);

interface SpecJson {
  sections: { title: string; text: string }[];
  examples: Record<string, { title: string; description: string; turns: { rationale?: string; content: string }[] }>;
}

function recordTexts(spec: SpecJson): string[] {
  return [
    ...spec.sections.map((section) => `${section.title} ${section.text}`),
    ...Object.values(spec.examples).map((example) =>
      [example.title, example.description, ...example.turns.flatMap((turn) => [turn.rationale ?? '', turn.content])].join(' '),
    ),
  ];
}

/**
 * A common word (in the most records, 5+ letters, not a stop word) and a rare one: among words of
 * 7+ letters, the one whose first 6 letters (roughly its stem, as Pagefind stems) occur in the
 * fewest records; ideally exactly one.
 */
export function pickWords(spec: SpecJson): { common: string; rare: string; frequency: Map<string, number> } {
  const frequency = new Map<string, number>();
  const stems = new Map<string, number>();
  for (const text of recordTexts(spec)) {
    const words = new Set(text.toLowerCase().match(/\b[a-z]+\b/g) ?? []);
    for (const word of words) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    for (const stem of new Set([...words].map((word) => word.slice(0, 6)))) stems.set(stem, (stems.get(stem) ?? 0) + 1);
  }
  const candidates = [...frequency].filter(([word]) => word.length >= 5 && !stopWords.has(word));
  const common = candidates.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? 'the';
  const rare =
    [...frequency.keys()]
      .filter((word) => word.length >= 7)
      .map((word) => ({ word, stem: stems.get(word.slice(0, 6)) ?? 0, count: frequency.get(word) ?? 0 }))
      .sort((a, b) => a.stem - b.stem || a.count - b.count || a.word.localeCompare(b.word))[0]?.word ?? common;
  return { common, rare, frequency };
}

function classify(url: string): keyof Omit<TransferBreakdown, 'total' | 'requests'> | undefined {
  const { pathname } = new URL(url);
  if (/\.pf_fragment$/.test(pathname)) return 'fragments';
  if (/\.pf_(meta|index|filter)$/.test(pathname) || pathname.endsWith('pagefind-entry.json')) return 'index';
  if (/\/pagefind\/(pagefind(-worker)?\.js|wasm\.[\w-]+\.pagefind)$/.test(pathname)) return 'runtime';
  if (/\/_astro\/.*\.js$/.test(pathname)) return 'ui';
  return undefined;
}

/** Opens a page with an empty cache, opens the dialog and types `word` at once; times the first result. */
async function coldRun(
  browser: Browser,
  url: string,
  word: string,
  servedSize: (url: string) => number,
): Promise<{ ms: number; results: number; fetched: TransferBreakdown; page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(url, { waitUntil: 'load' });
  const requests: Request[] = [];
  const listener = (request: Request) => requests.push(request);
  context.on('requestfinished', listener);
  await page.keyboard.press('/');
  await page.waitForSelector('#ms-search-input');
  const ms = await typeAndTime(page, word);
  const results = await statusCount(page);
  await page.waitForTimeout(100); // let the last requestfinished events arrive
  context.off('requestfinished', listener);
  const fetched: TransferBreakdown = { total: 0, requests: 0, runtime: 0, index: 0, fragments: 0, ui: 0 };
  for (const request of requests) {
    // The local server sends files as they are on disk; Chromium reports 0 bytes for worker scripts.
    const size = Math.max((await request.sizes()).responseBodySize, servedSize(request.url()));
    fetched.total += size;
    fetched.requests += 1;
    const kind = classify(request.url());
    if (kind) fetched[kind] += size;
  }
  return { ms, results, fetched, page, close: () => context.close() };
}

/** Sets the input's value, fires `input`, and resolves with the ms until the first option renders. */
function typeAndTime(page: Page, word: string): Promise<number> {
  return page.evaluate(
    (word) =>
      new Promise<number>((resolve, reject) => {
        const input = document.querySelector<HTMLInputElement>('#ms-search-input')!;
        const dialog = input.closest('dialog')!;
        const timeout = setTimeout(() => reject(new Error(`no results for "${word}" within 60 s`)), 60_000);
        const start = performance.now();
        // `data-query` is set when the list first renders for a query (its first few results).
        const done = () => {
          if (dialog.dataset.query !== word) return false;
          observer.disconnect();
          clearTimeout(timeout);
          resolve(performance.now() - start);
          return true;
        };
        const observer = new MutationObserver(() => done());
        observer.observe(dialog, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-query', 'data-busy'] });
        input.value = word;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }),
    word,
  );
}

async function statusCount(page: Page): Promise<number> {
  await page.waitForSelector('dialog.ms-search:not([data-busy])', { state: 'attached' });
  const status = (await page.locator('.ms-search__status').textContent()) ?? '';
  return Number(/^(\d+) result/.exec(status)?.[1] ?? 0);
}

async function clearInput(page: Page): Promise<void> {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const input = document.querySelector<HTMLInputElement>('#ms-search-input')!;
        const dialog = input.closest('dialog')!;
        input.value = '';
        input.dispatchEvent(new Event('input', { bubbles: true }));
        const check = () => (dialog.dataset.query === '' ? resolve() : setTimeout(check, 10));
        check();
      }),
  );
}

async function engineTime(page: Page, base: string, word: string): Promise<number> {
  return page.evaluate(
    async ([base, word]) => {
      type Api = { search: (term: string) => Promise<{ results: { data: () => Promise<unknown> }[] }> };
      const api = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Api;
      const start = performance.now();
      const response = await api.search(word);
      await response.results[0]?.data();
      return performance.now() - start;
    },
    [base, word] as const,
  );
}

async function measureQuery(
  browser: Browser,
  url: string,
  base: string,
  word: string,
  documents: number,
  runs: number,
  servedSize: (url: string) => number,
): Promise<QueryFigures> {
  const cold: { ms: number; results: number; fetched: TransferBreakdown }[] = [];
  const warm: number[] = [];
  const engine: number[] = [];
  for (let run = 0; run < runs; run++) {
    const result = await coldRun(browser, url, word, servedSize);
    cold.push(result);
    try {
      // Warm figures on the same page: the code and this word's index chunks are cached.
      await clearInput(result.page);
      warm.push(await typeAndTime(result.page, word));
      engine.push(await engineTime(result.page, base, word));
    } finally {
      await result.close();
    }
  }
  const coldRunsMs = cold.map((run) => round(run.ms));
  const medianCold = median(coldRunsMs);
  const typical = cold.find((run) => round(run.ms) === medianCold) ?? cold[0]!;
  return {
    word,
    documents,
    results: typical.results,
    coldMs: medianCold,
    coldRunsMs,
    warmMs: round(median(warm)),
    engineMs: round(median(engine)),
    fetched: typical.fetched,
  };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

/** Measures search on a built site directory served under `base` (`/` or `/my-spec/`). */
export async function measureSearch(distDir: string, base = '/', options: SearchBenchOptions = {}): Promise<SearchBenchResult> {
  const root = path.resolve(distDir);
  const runs = options.runs ?? 5;
  const spec = JSON.parse(readFileSync(path.join(root, 'spec.json'), 'utf8')) as SpecJson;
  const picked = pickWords(spec);
  const common = options.common ?? picked.common;
  const rare = options.rare ?? picked.rare;
  const site = await serveStatic(root, base);
  const browser = options.browser ?? (await launchChromium());
  try {
    // A reading page of the site (the home page): search opens from its header.
    const url = site.url;
    const servedSize = (requestUrl: string) => {
      const pathname = decodeURIComponent(new URL(requestUrl).pathname);
      if (!pathname.startsWith(base)) return 0;
      try {
        const stat = statSync(path.join(root, pathname.slice(base.length)));
        return stat.isFile() ? stat.size : 0;
      } catch {
        return 0;
      }
    };
    return {
      distDir: root,
      base,
      records: { sections: spec.sections.length, examples: Object.keys(spec.examples).length },
      index: indexSize(root),
      common: await measureQuery(browser, url, base, common, picked.frequency.get(common) ?? 0, runs, servedSize),
      rare: await measureQuery(browser, url, base, rare, picked.frequency.get(rare) ?? 0, runs, servedSize),
    };
  } finally {
    if (!options.browser) await browser.close();
    await site.close();
  }
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** A short human-readable report of `measureSearch`'s result. */
export function formatSearchReport(result: SearchBenchResult): string {
  const kinds = Object.entries(result.index.byKind)
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .map(([kind, { bytes, files }]) => `${kind} ${kb(bytes)} (${files})`)
    .join(', ');
  const query = (label: string, figures: QueryFigures) =>
    [
      `${label} word "${figures.word}" (in ${figures.documents} records; ${figures.results} results)`,
      `  first results, cold: ${figures.coldMs} ms median (runs: ${figures.coldRunsMs.join(', ')} ms)`,
      `  first results, warm: ${figures.warmMs} ms median (incl. 60 ms debounce); Pagefind search()+data(): ${figures.engineMs} ms`,
      `  fetched for the cold query: ${kb(figures.fetched.total)} in ${figures.fetched.requests} requests ` +
        `(Pagefind runtime ${kb(figures.fetched.runtime)}, index ${kb(figures.fetched.index)}, fragments ${kb(figures.fetched.fragments)}, search UI ${kb(figures.fetched.ui)})`,
    ].join('\n');
  return [
    `Search on ${result.distDir} (base ${result.base}): ${result.records.sections} sections, ${result.records.examples} examples`,
    `dist/pagefind: ${kb(result.index.bytes)} in ${result.index.files} files — ${kinds}`,
    query('common', result.common),
    query('rare', result.rare),
    'Sizes are uncompressed response bodies (the local server does not compress; Pagefind chunks are already gzip inside).',
  ].join('\n');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const flag = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const [distDir, base = '/'] = args.filter((arg) => !arg.startsWith('--'));
  if (!distDir) {
    console.error('usage: node bench/search.ts <distDir> [base] [--runs=5] [--common=word] [--rare=word] [--json]');
    process.exit(2);
  }
  const runs = flag('runs');
  const common = flag('common');
  const rare = flag('rare');
  const result = await measureSearch(distDir, base, {
    ...(runs ? { runs: Number(runs) } : {}),
    ...(common ? { common } : {}),
    ...(rare ? { rare } : {}),
  });
  console.log(args.includes('--json') ? JSON.stringify(result, null, 2) : formatSearchReport(result));
}
