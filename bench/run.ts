// Build benchmark: `npm run bench [-- --scales 1,10,30 --runs 3 --runs30 1 --keep --no-search]`.
//
// Generates synthetic specs (bench/synthetic.ts) at each scale, runs cold `astro build --force`
// builds of each into fresh temp folders with a fresh content cache (the same command and
// environment as scripts/harness/build-site.ts), and reports medians: wall time, peak RSS, output size, the
// largest page, the JavaScript a chapter page loads, and the search index; then how each grows
// with the size of the spec. Writes JSON and Markdown to bench/results/ and prints the table.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chapterSlug } from '../plugins/model/index.ts';
import { projectRoot } from '../scripts/harness/build-site.ts';
import { median } from './stats.ts';
import { writeSyntheticSpec, type SyntheticStats } from './synthetic.ts';

const { values: options } = parseArgs({
  options: {
    scales: { type: 'string', default: '1,10,30' },
    runs: { type: 'string', default: '3' },
    runs30: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    'no-search': { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(projectRoot, 'bench/results') },
    from: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (options.help) {
  console.log(`npm run bench -- [options]
  --scales 1,10,30   spec sizes to build (1x ≈ 250 KB, 5 chapters, 80 sections, 200 examples)
  --runs N           cold builds per scale below 30x (default 3)
  --runs30 N         cold builds at 30x and above (default 1)
  --no-search        skip search timings (bench/search.ts)
  --keep             keep the generated specs and built sites in the temp folder
  --out DIR          where results go (default bench/results)
  --from FILE.json   print the report of an earlier run again, without building`);
  process.exit(0);
}

const scales = options.scales
  .split(',')
  .map(Number)
  .filter((value) => value > 0);
const runsFor = (scale: number) => Math.max(1, Number(scale >= 30 ? options.runs30 : options.runs));
const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

interface BuildRun {
  status: number | null;
  wallMs: number;
  /** Peak resident set size of the build process tree, in KiB. */
  peakRssKb: number;
  rssSource: 'time -v' | '/proc sampling';
  /** Astro's own "N page(s) built in" figure. */
  astroMs: number | null;
  output: string;
}

interface SiteMetrics {
  outputBytes: number;
  outputFiles: number;
  htmlPages: number;
  largestPage: { path: string; bytes: number };
  largestChapterPage: { path: string; bytes: number };
  readingPage: { path: string; jsBytes: number; jsFiles: string[]; inlineScriptBytes: number; cssBytes: number };
  searchIndex: { bytes: number; files: number };
}

interface ScaleResult {
  scale: number;
  source: SyntheticStats;
  runs: Array<BuildRun & { metrics: SiteMetrics }>;
  median: {
    wallMs: number;
    astroMs: number | null;
    peakRssKb: number;
    outputBytes: number;
    largestPageBytes: number;
    largestChapterPageBytes: number;
    readingPageJsBytes: number;
    readingPageCssBytes: number;
    searchIndexBytes: number;
  };
  search?: { result: unknown; text: string };
}

// --- Building and measuring ------------------------------------------------------------------

/** A cold build of `contentDir`, timed, with the peak RSS of the whole process tree. */
async function timedBuild(contentDir: string, outDir: string): Promise<BuildRun> {
  const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const command = [process.execPath, astro, 'build', '--force', '--outDir', outDir];
  const timeFile = path.join(path.dirname(outDir), `time-${path.basename(outDir)}.txt`);
  const cacheDir = path.join(path.dirname(outDir), `cache-${path.basename(outDir)}`);
  const [file, ...args] = gnuTime ? [gnuTime, '-v', '-o', timeFile, ...command] : command;
  const started = performance.now();
  const child = spawn(file!, args, {
    cwd: projectRoot,
    // Its own content cache (astro.config.mjs reads SPEC_CACHE_DIR): cold, and safe from other builds running at the same time.
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SPEC_CONTENT_DIR: path.resolve(contentDir), SPEC_CACHE_DIR: cacheDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  let sampledPeak = 0;
  const sampler = gnuTime ? undefined : setInterval(() => (sampledPeak = Math.max(sampledPeak, treeRssKb(child.pid!))), 100);
  const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const wallMs = performance.now() - started;
  rmSync(cacheDir, { recursive: true, force: true });
  if (sampler) clearInterval(sampler);
  let peakRssKb = sampledPeak;
  if (gnuTime) {
    const report = existsSync(timeFile) ? readFileSync(timeFile, 'utf8') : '';
    peakRssKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(report)?.[1] ?? 0);
    rmSync(timeFile, { force: true });
  }
  // "290 page(s) built in 5.95s", "… in 812ms" or "… in 3m 28s".
  const built = /\d+ page\(s\) built in (?:(\d+)m(?!s)\s*)?(?:([\d.]+)(m?s))?/.exec(output.replace(/\u001b\[[0-9;]*m/g, ''));
  const astroMs = built ? Number(built[1] ?? 0) * 60_000 + Number(built[2] ?? 0) * (built[3] === 'ms' ? 1 : 1000) : null;
  return { status, wallMs, peakRssKb, rssSource: gnuTime ? 'time -v' : '/proc sampling', astroMs, output };
}

/** Sum of VmRSS over a process and its descendants (the fallback when GNU time is missing). */
function treeRssKb(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of safeReaddir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // Gone.
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function walkFiles(dir: string): Array<{ path: string; bytes: number }> {
  const found: Array<{ path: string; bytes: number }> = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walkFiles(full));
    else found.push({ path: full, bytes: statSync(full).size });
  }
  return found;
}

function measureSite(outDir: string, contentDir: string, base = '/'): SiteMetrics {
  const files = walkFiles(outDir);
  const relative = (file: string) => path.relative(outDir, file).split(path.sep).join('/');
  const html = files.filter((file) => file.path.endsWith('.html'));
  const largest = html.reduce((best, file) => (file.bytes > best.bytes ? file : best), { path: '', bytes: 0 });
  const chapterPages = readdirSync(contentDir)
    .filter((name) => /\.mdx?$/.test(name))
    .map((name) => path.join(outDir, chapterSlug(name), 'index.html'))
    .filter((file) => existsSync(file))
    .map((file) => ({ path: file, bytes: statSync(file).size }));
  const largestChapter = chapterPages.reduce((best, file) => (file.bytes > best.bytes ? file : best), { path: '', bytes: 0 });
  const pagefind = files.filter((file) => relative(file.path).startsWith('pagefind/'));
  return {
    outputBytes: sum(files.map((file) => file.bytes)),
    outputFiles: files.length,
    htmlPages: html.length,
    largestPage: { path: relative(largest.path), bytes: largest.bytes },
    largestChapterPage: { path: relative(largestChapter.path), bytes: largestChapter.bytes },
    readingPage: pageAssets(outDir, largestChapter.path, base),
    searchIndex: { bytes: sum(pagefind.map((file) => file.bytes)), files: pagefind.length },
  };
}

/**
 * The JavaScript a page loads as it opens: its module scripts and modulepreloads, and their
 * static imports, transitively (code behind a dynamic `import()`, such as the search dialog,
 * loads on demand and is not counted). Also its inline script and stylesheet bytes.
 */
function pageAssets(outDir: string, pageFile: string, base: string): SiteMetrics['readingPage'] {
  const page = readFileSync(pageFile, 'utf8');
  const toFile = (url: string, from: string) => {
    const resolved = new URL(url, `http://site.invalid/${path.relative(outDir, from).split(path.sep).join('/')}`).pathname;
    return path.join(outDir, decodeURI(resolved).slice(base.length - 1));
  };
  const queue: string[] = [];
  for (const match of page.matchAll(/<script\b[^>]*\ssrc="([^"]+)"/g)) queue.push(toFile(match[1]!, pageFile));
  for (const match of page.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*>/g)) {
    const href = /\shref="([^"]+)"/.exec(match[0])?.[1];
    if (href) queue.push(toFile(href, pageFile));
  }
  const seen = new Set<string>();
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(/\bimport\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.m?js)["']/g)) queue.push(toFile(match[1]!, file));
  }
  const inline = [...page.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => Buffer.byteLength(match[1]!));
  const styles = [...page.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*>/g)]
    .map((match) => /\shref="([^"]+)"/.exec(match[0])?.[1])
    .filter((href): href is string => Boolean(href))
    .map((href) => toFile(href, pageFile))
    .filter((file) => existsSync(file));
  return {
    path: path.relative(outDir, pageFile).split(path.sep).join('/'),
    jsBytes: sum([...seen].map((file) => statSync(file).size)),
    jsFiles: [...seen].map((file) => path.relative(outDir, file).split(path.sep).join('/')),
    inlineScriptBytes: sum(inline),
    cssBytes: sum(styles.map((file) => statSync(file).size)),
  };
}

interface SearchModule {
  measureSearch?: (distDir: string, base: string) => Promise<unknown>;
  formatSearchReport?: (result: unknown) => string;
}

/**
 * Search timings from bench/search.ts (the search part of the project), when it exists: the
 * hook is `measureSearch(distDir, base)`, called on the first build of the 1x and 10x specs.
 */
async function searchTimings(outDir: string, base: string): Promise<{ result: unknown; text: string } | undefined> {
  const file = path.join(projectRoot, 'bench/search.ts');
  if (options['no-search'] || !existsSync(file)) return undefined;
  const module = (await import(file)) as SearchModule;
  if (typeof module.measureSearch !== 'function') return { result: null, text: 'bench/search.ts does not export measureSearch(distDir, base).' };
  try {
    const result = await module.measureSearch(outDir, base);
    const text =
      typeof module.formatSearchReport === 'function'
        ? module.formatSearchReport(result)
        : flatten(result)
            .map(([key, value]) => `${key}: ${value}`)
            .join('\n');
    return { result, text };
  } catch (error) {
    return { result: null, text: `measureSearch failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}

/** A figure from the search result, if it has that shape (`common.coldMs`, …). */
function searchFigure(result: ScaleResult, key: string): number | null {
  let value: unknown = (result.search as { result?: unknown } | undefined)?.result;
  for (const part of key.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[part] : undefined;
  return typeof value === 'number' ? value : null;
}

// --- Statistics and report -------------------------------------------------------------------

const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);

const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
const seconds = (ms: number | null) => (ms === null ? '–' : `${(ms / 1000).toFixed(2)} s`);
const mib = (kib: number) => `${(kib / 1024).toFixed(0)} MiB`;

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: os.availableParallelism(),
    memory: `${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB`,
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    loadAverageAtStart: os
      .loadavg()
      .map((value) => value.toFixed(2))
      .join(' '),
    note: 'Shared machine (other jobs may run at the same time): treat differences under ~15% as noise.',
    rss: gnuTime
      ? 'peak RSS from /usr/bin/time -v (maximum over the build process tree)'
      : 'peak RSS from sampling /proc every 100 ms (sum over the process tree)',
  };
}

type Row = [label: string, value: (result: ScaleResult) => number | null, format: (value: number) => string];

const rows: Row[] = [
  ['source Markdown', (result) => result.source.bytes, kb],
  ['chapter files', (result) => result.source.files, String],
  ['sections', (result) => result.source.sections, String],
  ['examples + prompts', (result) => result.source.examples + result.source.prompts, String],
  ['wall time (cold build)', (result) => result.median.wallMs, seconds],
  ['astro "built in"', (result) => result.median.astroMs, seconds],
  ['peak RSS', (result) => result.median.peakRssKb, mib],
  ['output size', (result) => result.median.outputBytes, mb],
  ['HTML pages', (result) => result.runs[0]!.metrics.htmlPages, String],
  ['largest page (HTML)', (result) => result.median.largestPageBytes, kb],
  ['largest chapter page (HTML)', (result) => result.median.largestChapterPageBytes, kb],
  ['JS a chapter page loads', (result) => result.median.readingPageJsBytes, kb],
  ['CSS a chapter page loads', (result) => result.median.readingPageCssBytes, kb],
  ['search index (dist/pagefind)', (result) => result.median.searchIndexBytes, kb],
  ['search: first results, common word (cold)', (result) => searchFigure(result, 'common.coldMs'), (value) => `${value.toFixed(0)} ms`],
  ['search: first results, rare word (cold)', (result) => searchFigure(result, 'rare.coldMs'), (value) => `${value.toFixed(0)} ms`],
  ['search: same query again (warm)', (result) => searchFigure(result, 'common.warmMs'), (value) => `${value.toFixed(0)} ms`],
  ['search: bytes fetched, common word', (result) => searchFigure(result, 'common.fetched.total'), kb],
  ['wall time per MB of source', (result) => result.median.wallMs / (result.source.bytes / 1024 / 1024), seconds],
];

function markdownReport(results: ScaleResult[], info: ReturnType<typeof machine>, startedAt: string): string {
  const base = results.find((result) => result.scale === 1) ?? results[0]!;
  const others = results.filter((result) => result !== base);
  const header = ['metric', ...results.map((result) => `${result.scale}x`), ...others.map((result) => `${result.scale}x / ${base.scale}x`)];
  const lines = [
    `# Build benchmark, ${startedAt}`,
    '',
    `Machine: ${info.cores} cores (${info.cpu}), ${info.memory} RAM, ${info.os}, Node ${info.node}; load average at start ${info.loadAverageAtStart}.`,
    `${info.note} ${info.rss[0]!.toUpperCase()}${info.rss.slice(1)}.`,
    `Runs per scale: ${results.map((result) => `${result.scale}x × ${result.runs.length}`).join(', ')}; medians shown. Cold builds: \`astro build --force\` into a fresh folder.`,
    '',
    `| ${header.join(' | ')} |`,
    `| ${header.map((_, index) => (index === 0 ? '---' : '---:')).join(' | ')} |`,
  ];
  for (const [label, value, format] of rows) {
    const cells = results.map((result) => {
      const current = value(result);
      return current === null ? '–' : format(current);
    });
    const ratios = others.map((result) => {
      const current = value(result);
      const reference = value(base);
      return current === null || !reference ? '–' : `×${(current / reference).toFixed(2)}`;
    });
    lines.push(`| ${[label, ...cells, ...ratios].join(' | ')} |`);
  }
  lines.push('', 'Growth: how cost scales with source size (exponent 1 = linear, from the medians above).', '');
  for (const result of others) {
    const sizeRatio = result.source.bytes / base.source.bytes;
    const exponent = (ratio: number) => (Math.log(ratio) / Math.log(sizeRatio)).toFixed(2);
    lines.push(
      `- ${result.scale}x (${sizeRatio.toFixed(1)}× the source): wall time ×${(result.median.wallMs / base.median.wallMs).toFixed(2)} (exponent ${exponent(result.median.wallMs / base.median.wallMs)}), ` +
        `peak RSS ×${(result.median.peakRssKb / base.median.peakRssKb).toFixed(2)}, output ×${(result.median.outputBytes / base.median.outputBytes).toFixed(2)}, ` +
        `search index ×${(result.median.searchIndexBytes / base.median.searchIndexBytes).toFixed(2)}, largest chapter page ×${(result.median.largestChapterPageBytes / base.median.largestChapterPageBytes).toFixed(2)}.`,
    );
  }
  const sorted = [...results].sort((a, b) => a.scale - b.scale);
  for (let index = 2; index < sorted.length; index++) {
    const [previous, current] = [sorted[index - 1]!, sorted[index]!];
    const sizeRatio = current.source.bytes / previous.source.bytes;
    const timeRatio = current.median.wallMs / previous.median.wallMs;
    lines.push(
      `- From ${previous.scale}x to ${current.scale}x (${sizeRatio.toFixed(1)}× the source): wall time ×${timeRatio.toFixed(2)} (exponent ${(Math.log(timeRatio) / Math.log(sizeRatio)).toFixed(2)}).`,
    );
  }
  lines.push('', 'Details:', '');
  for (const result of results) {
    const first = result.runs[0]!.metrics;
    lines.push(
      `- ${result.scale}x: wall ${result.runs.map((run) => seconds(run.wallMs)).join(', ')}; ` +
        `largest page \`${first.largestPage.path}\`; chapter page \`${first.readingPage.path}\` loads ${first.readingPage.jsFiles.length} JS file(s) (${first.readingPage.jsFiles.map((file) => `\`${file}\``).join(', ') || 'none'}) and ${kb(first.readingPage.inlineScriptBytes)} of inline script; ` +
        `search index ${first.searchIndex.files} files.`,
    );
  }
  const searched = results.filter((result) => result.search !== undefined);
  lines.push('', '## Search', '');
  if (searched.length === 0) {
    lines.push(
      options['no-search']
        ? 'Skipped (--no-search).'
        : 'Not measured: `bench/search.ts` is missing. When it exports `measureSearch(distDir, base)`, this bench calls it on the 1x and 10x builds and lists the result here.',
    );
  }
  for (const result of searched) lines.push(`### ${result.scale}x`, '', '```', result.search!.text.replace(/ on \/tmp\/\S+/, ''), '```', '');
  return lines.join('\n') + '\n';
}

/** Key/value lines of whatever `measureSearch` returned (numbers rounded). */
function flatten(value: unknown, prefix = ''): Array<[string, string]> {
  if (value === null || typeof value !== 'object') {
    const text = typeof value === 'number' ? (Number.isInteger(value) ? String(value) : value.toFixed(1)) : String(value);
    return [[prefix || 'value', text]];
  }
  if (Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null)) return [[prefix, value.join(', ')]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) => flatten(inner, prefix ? `${prefix}.${key}` : key));
}

// --- Main ------------------------------------------------------------------------------------

if (options.from) {
  const saved = JSON.parse(readFileSync(options.from, 'utf8')) as { startedAt: string; machine: ReturnType<typeof machine>; results: ScaleResult[] };
  console.log(markdownReport(saved.results, saved.machine, saved.startedAt));
  process.exit(0);
}

const startedAt = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
const info = machine();
const work = mkdtempSync(path.join(os.tmpdir(), 'ms-bench-'));
const results: ScaleResult[] = [];
console.log(`Benchmark: scales ${scales.join(', ')}x; temp folder ${work}`);
console.log(`Machine: ${info.cores} cores, ${info.cpu}, ${info.memory}, Node ${info.node}, load ${info.loadAverageAtStart}`);

try {
  for (const scale of scales) {
    const contentDir = path.join(work, `spec-${scale}x`);
    const source = writeSyntheticSpec(contentDir, scale);
    console.log(`\n${scale}x: ${source.files} chapter files, ${kb(source.bytes)}, ${source.sections} sections, ${source.examples + source.prompts} examples`);
    const runs: ScaleResult['runs'] = [];
    let search: ScaleResult['search'];
    for (let index = 0; index < runsFor(scale); index++) {
      const outDir = path.join(work, `dist-${scale}x-${index + 1}`);
      const run = await timedBuild(contentDir, outDir);
      if (run.status !== 0) {
        console.error(run.output.slice(-6000));
        throw new Error(`The ${scale}x build failed (status ${run.status}).`);
      }
      const metrics = measureSite(outDir, contentDir);
      runs.push({ ...run, output: run.output.slice(-2000), metrics });
      console.log(
        `  run ${index + 1}: ${seconds(run.wallMs)} wall, astro ${seconds(run.astroMs)}, peak RSS ${mib(run.peakRssKb)}, output ${mb(metrics.outputBytes)}`,
      );
      if (index === 0 && scale <= 10) {
        search = await searchTimings(outDir, '/');
        if (search) console.log(search.text.replace(/^/gm, '  '));
      }
      if (!options.keep) rmSync(outDir, { recursive: true, force: true });
    }
    const metricsOf = (pick: (run: ScaleResult['runs'][number]) => number) => median(runs.map(pick));
    const astroTimes = runs.map((run) => run.astroMs).filter((value): value is number => value !== null);
    results.push({
      scale,
      source,
      runs,
      median: {
        wallMs: metricsOf((run) => run.wallMs),
        astroMs: astroTimes.length ? median(astroTimes) : null,
        peakRssKb: metricsOf((run) => run.peakRssKb),
        outputBytes: metricsOf((run) => run.metrics.outputBytes),
        largestPageBytes: metricsOf((run) => run.metrics.largestPage.bytes),
        largestChapterPageBytes: metricsOf((run) => run.metrics.largestChapterPage.bytes),
        readingPageJsBytes: metricsOf((run) => run.metrics.readingPage.jsBytes),
        readingPageCssBytes: metricsOf((run) => run.metrics.readingPage.cssBytes),
        searchIndexBytes: metricsOf((run) => run.metrics.searchIndex.bytes),
      },
      ...(search !== undefined ? { search } : {}),
    });
    if (!options.keep) rmSync(contentDir, { recursive: true, force: true });
  }
} finally {
  if (!options.keep) rmSync(work, { recursive: true, force: true });
  else console.log(`\nKept: ${work}`);
}

const report = markdownReport(results, { ...info }, startedAt);
mkdirSync(options.out, { recursive: true });
const stamp = startedAt.replace(/[:]/g, '-');
const json =
  JSON.stringify(
    {
      startedAt,
      finishedAt: new Date().toISOString(),
      machine: {
        ...info,
        loadAverageAtEnd: os
          .loadavg()
          .map((value) => value.toFixed(2))
          .join(' '),
      },
      options,
      results,
    },
    null,
    2,
  ) + '\n';
for (const name of [`bench-${stamp}`, 'latest']) {
  writeFileSync(path.join(options.out, `${name}.json`), json);
  writeFileSync(path.join(options.out, `${name}.md`), report);
}
console.log('\n' + report);
console.log(`Wrote ${path.relative(process.cwd(), path.join(options.out, `bench-${stamp}.md`))} and .json (also latest.md / latest.json).`);
