// `npm run build [-- --outDir DIR --site URL --base PATH --force …]`: builds the site with Astro
// (scripts/astro-build.ts), unless nothing it reads has changed since the last successful build
// and the built folder is as that build left it; then it says so and stops, without starting
// Astro. When only the content folder changed, the pages are rendered with the renderer the last
// full build kept, without Astro or Vite (scripts/render-build.ts, in this process); it hands back
// to a full build when it cannot. `--force` always builds in full.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import module from 'node:module';
import path from 'node:path';
import { buildFlags } from './build-flags.ts';
import { type BuildStamp, inputDigest, outputListing, sameOutput } from './build-inputs.ts';

const projectRoot = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flags = buildFlags(args);
const outDir = path.resolve(projectRoot, flags.outDir ?? 'dist');
const cacheDir = path.resolve(projectRoot, process.env.SPEC_CACHE_DIR ?? 'node_modules/.astro');
const contentDir = path.resolve(projectRoot, process.env.SPEC_CONTENT_DIR ?? 'content');
const stampFile = path.join(cacheDir, 'model-spec', 'build-stamp.json');

const settings = {
  // What changes the output: not how much the build says, nor whether it was forced.
  args: args.filter((arg) => !['--force', '--verbose', '--silent'].includes(arg)),
  node: process.version,
  env: Object.fromEntries(
    Object.entries(process.env)
      .filter(([name]) => /^(SPEC_|ASTRO_|PUBLIC_|VITE_)|^NODE_ENV$/.test(name))
      .sort(),
  ),
};
let stamp: BuildStamp | null = null;
try {
  stamp = JSON.parse(readFileSync(stampFile, 'utf8')) as BuildStamp;
} catch {
  // No earlier build, or a stamp from another version: build.
}
// The config keeps eval runs and assets inside the content folder, so these two folders are all a build reads.
const { inputs, code, hashes } = inputDigest({ projectRoot, contentDir, outDir, cacheDir, settings }, stamp?.hashes);
const asBuilt = stamp !== null && sameOutput(stamp, outputListing(outDir));
if (!flags.force && stamp?.inputs === inputs && asBuilt) {
  console.log(
    `model-spec: nothing the site is built from has changed since the last build, and ${path.relative(projectRoot, outDir) || outDir}/ is as it left it; not rebuilt (\`npm run build -- --force\` rebuilds).`,
  );
  process.exit(0);
}

// Removed while a build runs: one stopped halfway must not leave a stamp for a folder it changed.
rmSync(stampFile, { force: true });
const writeStamp = (written: BuildStamp) => {
  mkdirSync(path.dirname(stampFile), { recursive: true });
  writeFileSync(stampFile, JSON.stringify(written));
};
/**
 * Ends a failed build. One that failed before writing anything (a content error is found before
 * any page is written) leaves the folder as the last build left it, so that build's stamp still
 * describes it: put back, the build after the fix renders with the kept renderer again instead
 * of starting Astro.
 */
const fail = (status: number): never => {
  if (stamp && sameOutput(stamp, outputListing(outDir))) writeStamp(stamp);
  process.exit(status);
};
// Node's compile cache, in the build cache: module loading is a third of a build after an edit
// (0.89× of its wall time with the cache, 6 pairs on the upstream spec), and little of a full one.
let rendered = false;
if (!flags.force && stamp?.code === code && asBuilt) {
  module.enableCompileCache(path.join(cacheDir, 'model-spec', 'compile-cache'));
  const { renderBuild } = await import('./render-build.ts');
  try {
    rendered = await renderBuild({ contentDir, cacheDir, outDir, silent: flags.silent === true });
  } catch (error) {
    // As a full build reports it: the message (content reports are all message), no trace.
    console.error(error instanceof Error ? error.message : String(error));
    fail(1);
  }
}
// Half V8's default young generation: a build's peak memory drops by about 80 MB (measured on the
// upstream spec, 2 cores) with no measurable cost in time. And the old generation grows by half
// before the next full collection, where V8 lets a short process's heap grow up to fourfold: the
// build's garbage is collected before Vite's, which is when memory peaks (about 90 MB less, for
// about 5% more time).
const v8Flags = ['--max-semi-space-size=8', '--heap-growing-percent=50'];
const status = rendered
  ? 0
  : (spawnSync(process.execPath, [...v8Flags, path.join(import.meta.dirname, 'astro-build.ts'), ...args], { cwd: projectRoot, stdio: 'inherit' })
      .status ?? 1);
if (status !== 0) fail(status);
const output = outputListing(outDir);
if (output) writeStamp({ inputs, code, hashes, output });
