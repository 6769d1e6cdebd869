import { spawnSync } from 'node:child_process';
import path from 'node:path';

const projectRoot = path.resolve(import.meta.dirname, '../..');

/**
 * `npm run build` (scripts/build.ts) for a spec in `content`, built into `outDir` with its own
 * cache folder: a function that builds with extra arguments and returns the status and all output.
 */
export function npmBuild({ content, outDir, cacheDir }: { content: string; outDir: string; cacheDir: string }) {
  return (...args: string[]) => {
    const result = spawnSync(process.execPath, [path.join(projectRoot, 'scripts/build.ts'), '--outDir', outDir, ...args], {
      cwd: projectRoot,
      encoding: 'utf8',
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', SPEC_CONTENT_DIR: content, SPEC_CACHE_DIR: cacheDir },
    });
    return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
  };
}
