// Every speed target of issue 18 as a ratio against Astro Starlight on the same upstream release:
// `npm run bench:peers [-- --runs 3 --page-runs 5 --search-runs 7 --dev-rounds 6 --skip build,pages,search,dev,scale --from peers.json]`.
//
// Both sites come from ../shared/peers (ours.sh imports the release into a copy of this working
// tree; starlight.sh is run only when $PEERS_DIR has no Starlight build yet). Builds are timed in
// pairs, ours then Starlight, A B A B, as whole processes under /usr/bin/time -v: cold (caches
// deleted as the peer scripts do), rebuilt with nothing changed, and rebuilt after a one-word
// edit to one chapter. Search runs ../shared/peers/pairs/search-pair.mjs; the dev server figures
// come from bench/dev-pair.ts; the 10× figure from bench/run.ts. Ratios are ours / Starlight
// (below 1: ours is faster), medians of per-pair ratios. Writes bench/results/peers.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toString as textOf } from 'hast-util-to-string';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchPages, editAnchor, largestChapter, peerChapters } from './peer-chapters.ts';
import { median } from './stats.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    'search-runs': { type: 'string', default: '7' },
    'page-runs': { type: 'string', default: '9' },
    'dev-rounds': { type: 'string', default: '6' },
    skip: { type: 'string', default: '' },
    from: { type: 'string' },
    peers: { type: 'string', default: path.resolve(projectRoot, '../shared/peers') },
    out: { type: 'string', default: path.join(projectRoot, 'bench/results') },
  },
});
const peersDir = process.env.PEERS_DIR ?? '/tmp/peers';
const skip = new Set(options.skip.split(',').filter(Boolean));
const runs = Math.max(1, Number(options.runs));
const ours = path.join(peersDir, 'ours');
const starlightRoot = path.join(peersDir, 'starlight');
const starlight = path.join(starlightRoot, 'site-x1-satteri');
// The pinned Node (npm run puts it first on PATH) for every child.
const env = { ...process.env, PEERS_DIR: peersDir, ASTRO_TELEMETRY_DISABLED: '1', PATH: `${path.dirname(process.execPath)}:${process.env.PATH}` };
const load = () =>
  os
    .loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');

function sh(command: string, cwd = projectRoot, extra: Record<string, string> = {}): string {
  const result = spawnSync('bash', ['-c', command], { cwd, env: { ...env, ...extra }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`${command} failed:\n${(result.stdout + result.stderr).slice(-3000)}`);
  return result.stdout;
}

interface Timed {
  wallS: number;
  cpuS: number;
  rssMiB: number;
}

/** One build under GNU time: wall and CPU seconds (user + system, children included) and the largest process's peak RSS. */
function timed(command: string, cwd: string): Timed {
  const report = path.join(os.tmpdir(), `ms-peers-time-${process.pid}.txt`);
  sh(`/usr/bin/time -v -o '${report}' bash -c ${JSON.stringify(command)} > '${report}.log' 2>&1 || { tail -30 '${report}.log'; exit 1; }`, cwd);
  const text = readFileSync(report, 'utf8');
  const field = (name: string) => /: (.*)$/.exec(text.split('\n').find((line) => line.includes(name)) ?? '')?.[1] ?? '0';
  const wallS = field('Elapsed (wall clock)')
    .split(':')
    .reduce((sum, part) => sum * 60 + Number(part), 0);
  return { wallS, cpuS: Number(field('User time')) + Number(field('System time')), rssMiB: Math.round(Number(field('Maximum resident')) / 1024) };
}

const builds = {
  ours: {
    clean: `rm -rf dist .astro node_modules/.astro node_modules/.vite`,
    build: `npm run -s build`,
    cwd: ours,
  },
  starlight: {
    clean: `rm -rf dist .astro node_modules '${starlightRoot}/node_modules/.astro' '${starlightRoot}/node_modules/.vite'`,
    build: `'${starlightRoot}/node_modules/.bin/astro' build`,
    cwd: starlight,
  },
};
/** The chapters both sites have, largest first (whichever release ../shared/peers imported). */
const shared = () => peerChapters(path.join(ours, 'content'), path.join(starlight, 'src/content/docs'));

interface Figure {
  ours: number;
  starlight: number;
  ratio: number;
  /** The smallest and largest ratio of one pair: how far a single run can stray on this machine. */
  spread?: [number, number];
  /** Ours against ours through the same harness (pages): how far from 1 a ratio strays with no change at all. */
  noise?: number;
  runs?: unknown;
}
const figures: Record<string, Figure | number | string> = options.from ? JSON.parse(readFileSync(options.from, 'utf8')) : { loadBefore: load() };
// --from peers.json [--from-dev other.json]: print the report of earlier runs again, measuring nothing.
if (options.from) for (const part of ['build', 'pages', 'search', 'dev', 'scale']) skip.add(part);
const spreadOf = (ratios: number[]): [number, number] => [Math.min(...ratios), Math.max(...ratios)];
const ratioOf = (pairs: Array<{ ours: Timed; starlight: Timed }>, key: keyof Timed): Figure => {
  const ratios = pairs.map((pair) => pair.ours[key] / pair.starlight[key]);
  return {
    ours: median(pairs.map((pair) => pair.ours[key])),
    starlight: median(pairs.map((pair) => pair.starlight[key])),
    ratio: median(ratios),
    spread: spreadOf(ratios),
  };
};

if (!options.from && !existsSync(path.join(starlight, 'dist'))) {
  console.error(`bench:peers: building Starlight into ${starlightRoot} (../shared/peers/starlight.sh)`);
  sh(`bash '${options.peers}/starlight.sh'`, projectRoot, { RUNS: '1' });
}
if (!options.from && (!skip.has('build') || !skip.has('search') || !skip.has('dev'))) {
  console.error(`bench:peers: importing the release into ${ours} and building it (../shared/peers/ours.sh)`);
  sh(`bash '${options.peers}/ours.sh'`, projectRoot, { RUNS: '1' });
}

if (!skip.has('build')) {
  const cold: Array<{ ours: Timed; starlight: Timed }> = [];
  const warm: typeof cold = [];
  const edit: typeof cold = [];
  for (let run = 0; run < runs; run++) {
    const pair = {} as { ours: Timed; starlight: Timed };
    for (const [name, site] of Object.entries(builds) as Array<[keyof typeof builds, (typeof builds)['ours']]>) {
      pair[name] = timed(`${site.clean} && ${site.build}`, site.cwd);
      console.error(`cold #${run + 1} ${name}: ${pair[name].wallS} s wall, ${pair[name].cpuS.toFixed(2)} s CPU, ${pair[name].rssMiB} MiB (load ${load()})`);
    }
    cold.push(pair);
  }
  for (let run = 0; run < runs; run++) {
    const pair = {} as { ours: Timed; starlight: Timed };
    for (const [name, site] of Object.entries(builds) as Array<[keyof typeof builds, (typeof builds)['ours']]>) {
      pair[name] = timed(site.build, site.cwd);
      console.error(`unchanged #${run + 1} ${name}: ${pair[name].wallS} s wall, ${pair[name].cpuS.toFixed(2)} s CPU`);
    }
    warm.push(pair);
  }
  // One word added to the largest chapter, in a sentence both sources have.
  const edited = largestChapter(shared());
  const anchor = editAnchor(edited);
  for (let run = 0; run < runs; run++) {
    const pair = {} as { ours: Timed; starlight: Timed };
    for (const [name, site] of Object.entries(builds) as Array<[keyof typeof builds, (typeof builds)['ours']]>) {
      const chapter = edited[name];
      const original = readFileSync(chapter, 'utf8');
      writeFileSync(chapter, original.replace(anchor, `${anchor} edited${run}`));
      try {
        pair[name] = timed(site.build, site.cwd);
      } finally {
        writeFileSync(chapter, original);
      }
      console.error(`one-word edit #${run + 1} ${name}: ${pair[name].wallS} s wall, ${pair[name].cpuS.toFixed(2)} s CPU`);
    }
    edit.push(pair);
    // Back to the unedited text, so the next edit is again one word against a warm cache.
    for (const site of Object.values(builds)) timed(site.build, site.cwd);
  }
  Object.assign(figures, {
    coldWallS: ratioOf(cold, 'wallS'),
    coldCpuS: ratioOf(cold, 'cpuS'),
    coldPeakRssMiB: ratioOf(cold, 'rssMiB'),
    unchangedWallS: ratioOf(warm, 'wallS'),
    unchangedCpuS: ratioOf(warm, 'cpuS'),
    editWallS: ratioOf(edit, 'wallS'),
    editCpuS: ratioOf(edit, 'cpuS'),
    buildRuns: { cold, warm, edit },
  });
}

if (!skip.has('pages')) {
  // The largest chapter and chain-of-command, as readers load them: page-pair.mjs, A B A B.
  const pages = benchPages(shared()).map((chapter) => chapter.page);
  type PagePairs = Array<{
    pair: string;
    ours: { fcpMs: number; loadMs: number; loadRuns: number[] };
    starlight: { fcpMs: number; loadMs: number; loadRuns: number[] };
    ratios: { fcp: number; load: number };
  }>;
  const pagePairs = (dir: string) =>
    JSON.parse(
      sh(
        `node '${options.peers}/pairs/page-pair.mjs' ${Number(options['page-runs'])} ${pages.map((page) => `${page}:${page}`).join(' ')} 2>/dev/null`,
        projectRoot,
        {
          PEERS_DIR: dir,
        },
      ),
    ) as PagePairs;
  const pairs = pagePairs(peersDir);
  // The same harness with our site on both sides (the Starlight slot holds our dist): a ratio this
  // far from 1 comes from the machine alone, so a page figure that close to its goal, either side, is not a verdict.
  const sameSite = path.join(os.tmpdir(), `ms-peers-same-${process.pid}`);
  mkdirSync(path.join(sameSite, 'starlight/site-x1-satteri'), { recursive: true });
  symlinkSync(ours, path.join(sameSite, 'ours'));
  symlinkSync(path.join(ours, 'dist'), path.join(sameSite, 'starlight/site-x1-satteri/dist'));
  let same: PagePairs;
  try {
    same = pagePairs(sameSite);
  } finally {
    rmSync(sameSite, { recursive: true, force: true });
  }
  const loadSpread = (result: PagePairs[number]) => spreadOf(result.ours.loadRuns.map((run, index) => run / result.starlight.loadRuns[index]!));
  /** gzip bytes of the page's HTML per KB of its visible text (what a reader gets for what they download). */
  const htmlPerText = (dist: string, page: string) => {
    const html = readFileSync(path.join(dist, page, 'index.html'));
    const tree: Root = fromHtml(html.toString('utf8'));
    // What a reader sees: the body without scripts, styles, the head and hidden elements.
    const body = (tree.children.find((node) => node.type === 'element' && node.tagName === 'html') as Element | undefined)?.children.find(
      (node): node is Element => node.type === 'element' && node.tagName === 'body',
    );
    const strip = (node: Element): Element => ({
      ...node,
      children: node.children
        .filter(
          (child) =>
            !(
              child.type === 'element' &&
              (['script', 'style', 'template', 'svg', 'noscript'].includes(child.tagName) || child.properties.hidden !== undefined)
            ),
        )
        .map((child) => (child.type === 'element' ? strip(child) : child)),
    });
    const text = (body ? textOf(strip(body)) : '').replace(/\s+/g, ' ').trim();
    return gzipSync(html, { level: 9 }).length / (Buffer.byteLength(text) / 1024);
  };
  for (const [index, page] of pages.entries()) {
    const result = pairs[index]!;
    const name = page.replaceAll('/', '');
    const noise = same[index]!.ratios;
    figures[`pageFcp:${name}`] = { ours: result.ours.fcpMs, starlight: result.starlight.fcpMs, ratio: result.ratios.fcp, noise: Math.abs(noise.fcp - 1) };
    figures[`pageLoad:${name}`] = {
      ours: result.ours.loadMs,
      starlight: result.starlight.loadMs,
      ratio: result.ratios.load,
      spread: loadSpread(result),
      noise: Math.abs(noise.load - 1),
    };
    const ours = htmlPerText(path.join(peersDir, 'ours/dist'), page);
    const theirs = htmlPerText(path.join(starlight, 'dist'), page);
    figures[`pageHtml:${name}`] = { ours, starlight: theirs, ratio: ours / theirs };
  }
}

if (!skip.has('search')) {
  const out = sh(`node '${options.peers}/pairs/search-pair.mjs' --runs=${options['search-runs']} 2>/dev/null`);
  const byQuery = JSON.parse(out) as Record<
    string,
    { raw: Record<'ours' | 'starlight', Array<{ cold: { typeToFirst: number }; warm: { typeToFirst: number } }>> }
  >;
  const all = (name: 'ours' | 'starlight', key: 'cold' | 'warm') =>
    Object.values(byQuery).flatMap((query) => query.raw[name].map((run) => run[key].typeToFirst));
  const p90 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.ceil(values.length * 0.9) - 1)]!;
  const pairRatios = (key: 'cold' | 'warm') =>
    Object.values(byQuery).flatMap((query) => query.raw.ours.map((run, index) => run[key].typeToFirst / query.raw.starlight[index]![key].typeToFirst));
  const coldOurs = all('ours', 'cold');
  const coldTheirs = all('starlight', 'cold');
  Object.assign(figures, {
    searchFirstMedianMs: { ours: median(coldOurs), starlight: median(coldTheirs), ratio: median(pairRatios('cold')) },
    searchFirstP90Ms: { ours: p90(coldOurs), starlight: p90(coldTheirs), ratio: p90(coldOurs) / p90(coldTheirs) },
    searchWarmMs: { ours: median(all('ours', 'warm')), starlight: median(all('starlight', 'warm')), ratio: median(pairRatios('warm')) },
  });
}

if (!skip.has('dev')) {
  const out = sh(`node bench/dev-pair.ts --rounds ${options['dev-rounds']}`);
  Object.assign(figures, JSON.parse(out) as object);
}

if (!skip.has('scale')) {
  const scaleOut = path.join(os.tmpdir(), `ms-peers-scale-${process.pid}`);
  sh(`node bench/run.ts --scales 1,10 --runs 1 --no-search --out '${scaleOut}'`);
  const result = JSON.parse(readFileSync(path.join(scaleOut, 'latest.json'), 'utf8')) as { results: Array<{ scale: number; median: { wallMs: number } }> };
  const at = (scale: number) => result.results.find((entry) => entry.scale === scale)!.median.wallMs;
  // Here "Starlight" is our own 1× build: the target is linear growth, not a peer.
  figures.scale10x = { ours: at(10) / 1000, starlight: at(1) / 1000, ratio: at(10) / at(1) };
}
if (!options.from) figures.loadAfter = load();

// The page figures measured (by page name), in the order they were measured.
const pageNames = [...new Set(Object.keys(figures).flatMap((key) => (key.startsWith('pageLoad:') ? [key.slice('pageLoad:'.length)] : [])))];
const targets: Array<[string, string, number]> = [
  ...pageNames.flatMap(
    (page): Array<[string, string, number]> => [
      [`pageFcp:${page}`, `${page}: first contentful paint, ms`, 1.0],
      [`pageLoad:${page}`, `${page}: load, ms`, 1.0],
      [`pageHtml:${page}`, `${page}: gzip HTML bytes per KB of visible text`, 1.5],
    ],
  ),
  ['coldWallS', 'cold build, wall', 1.0],
  ['coldCpuS', 'cold build, CPU', 1.0],
  ['unchangedWallS', 'rebuild, nothing changed, wall', 0.5],
  ['unchangedCpuS', 'rebuild, nothing changed, CPU', 0.5],
  ['editWallS', 'rebuild, one-word edit, wall', 0.6],
  ['editCpuS', 'rebuild, one-word edit, CPU', 0.6],
  ['coldPeakRssMiB', 'peak memory, cold build', 1.0],
  ['scale10x', '10× spec / 1× spec (ours alone)', 10],
  ['searchFirstMedianMs', 'search, first result, median', 1.0],
  ['searchFirstP90Ms', 'search, first result, 90th percentile', 1.0],
  ['searchWarmMs', 'search, warm', 0.3],
  ['devEditLargestMs', 'dev: edit to screen, largest chapter', 0.5],
  ['devHalfwriteFalseErrors', 'dev: false errors on two-step saves (count)', 0],
  ['devHalfwriteMissed', 'dev: two-step saves never shown (count)', 0],
];
if (!options.from) {
  mkdirSync(options.out, { recursive: true });
  writeFileSync(path.join(options.out, 'peers.json'), JSON.stringify(figures, null, 1));
}
const format = (value: number) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
console.log(`\nours / Starlight, ${new Date().toISOString()}, ${os.cpus().length} cores, load ${figures.loadBefore} → ${figures.loadAfter}`);
console.log('| target | ours | Starlight | ratio | pairs | same site | goal | |\n| --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [key, label, goal] of targets) {
  const figure = figures[key];
  if (figure === undefined) continue;
  if (typeof figure === 'number') {
    console.log(`| ${label} | ${figure} | | | | | ${goal} | ${figure <= goal ? 'met' : 'missed'} |`);
  } else if (typeof figure === 'object') {
    const spread = figure.spread ? `${figure.spread[0].toFixed(2)}–${figure.spread[1].toFixed(2)}` : '';
    const noise = figure.noise === undefined ? '' : `±${figure.noise.toFixed(2)}`;
    // Met or missed by less than ours strays from itself: the run cannot tell which.
    const verdict = figure.noise !== undefined && Math.abs(figure.ratio - goal) <= figure.noise ? 'within noise' : figure.ratio <= goal ? 'met' : 'missed';
    console.log(
      `| ${label} | ${format(figure.ours)} | ${format(figure.starlight)} | ${figure.ratio.toFixed(2)}× | ${spread} | ${noise} | ≤ ${goal}× | ${verdict} |`,
    );
  }
}
console.log(
  '\npairs: the lowest and highest ratio of a single pair. same site: how far from 1× our own pages measure against themselves in the same harness (both slots our dist), the noise of a page figure.',
);
