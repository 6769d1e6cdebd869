import { spawnSync } from 'node:child_process';
import path from 'node:path';

export const projectRoot = path.resolve(import.meta.dirname, '../..');

export interface BuildResult {
  status: number | null;
  output: string;
  outDir: string;
}

/** A real `astro build` of a content folder into `outDir`, as a separate process (as a user runs it). */
export function buildSite(options: { contentDir?: string; outDir: string; env?: Record<string, string> }): BuildResult {
  const astro = path.join(projectRoot, 'node_modules/astro/bin/astro.mjs');
  const result = spawnSync(process.execPath, [astro, 'build', '--force', '--outDir', options.outDir], {
    cwd: projectRoot,
    encoding: 'utf8',
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      SPEC_CACHE_DIR: path.join(path.dirname(path.resolve(options.outDir)), '.astro-cache'),
      ...(options.contentDir ? { SPEC_CONTENT_DIR: path.resolve(options.contentDir) } : {}),
      ...options.env,
    },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}`, outDir: options.outDir };
}
