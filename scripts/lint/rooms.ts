/**
 * The project's own lint rules, the ones Biome cannot express (run by `npm run lint`):
 *
 * - Front doors: a module outside a folder of `plugins/` imports that folder's `index.ts`, never
 *   the files behind it. (Biome's `noRestrictedImports` matches import strings, not the resolved
 *   file and the importer's folder, so it cannot tell `./loader.ts` in `model/` from the same
 *   file reached from `astro/`.)
 * - Layers: each folder of `plugins/` imports only the folders below it, so no arrow runs back up.
 * - No `as never`: custom nodes are registered by module augmentation (`remark-spec/types.ts`).
 *
 * Prints every violation as `file:line:col: message [rule]` and exits 1 when there is one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');

/**
 * What each folder of `plugins/` may import, lowest first. A folder not listed here fails the
 * check, so a new folder has to take its place in the order.
 */
export const layers: Record<string, readonly string[]> = {
  contract: [],
  'remark-spec': ['contract'],
  model: ['contract', 'remark-spec'],
  releases: ['contract', 'remark-spec', 'model'],
  site: ['contract', 'remark-spec', 'model', 'releases'],
  'import-model-spec': ['contract', 'remark-spec', 'model', 'releases'],
  evals: ['contract', 'remark-spec', 'model', 'releases', 'site'],
  astro: ['contract', 'remark-spec', 'model', 'releases', 'site', 'evals'],
};

const scanned = ['plugins', 'src', 'scripts', 'bench', 'tests'];
const extensions = /\.(ts|mts|mjs|js|astro)$/;
const importPattern = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(['"])(\.{1,2}\/[^'"]*)\1/g;

export interface Violation {
  file: string;
  line: number;
  column: number;
  message: string;
  rule: 'front-door' | 'layer' | 'as-never';
}

function* files(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (extensions.test(entry.name)) yield full;
  }
}

/** `plugins/<folder>` of a project-relative path, or null outside `plugins/`. */
function roomOf(relative: string): string | null {
  const parts = relative.split('/');
  return parts[0] === 'plugins' && parts.length > 2 ? parts[1]! : null;
}

function place(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** Every violation in the given project-relative files (all scanned files by default). */
export function checkRooms(project = root, only?: string[]): Violation[] {
  const list =
    only ??
    [...scanned.flatMap((dir) => [...files(path.join(project, dir))]), path.join(project, 'astro.config.mjs')].map((file) => path.relative(project, file));
  const violations: Violation[] = [];
  for (const file of list) {
    if (file.startsWith('scripts/lint/')) continue; // this checker names the patterns it looks for
    const text = readFileSync(path.join(project, file), 'utf8');
    const from = roomOf(file);
    if (from !== null && !(from in layers)) {
      violations.push({
        file,
        line: 1,
        column: 1,
        rule: 'layer',
        message: `\`plugins/${from}/\` has no place in the layers, expected one in \`layers\` of scripts/lint/rooms.ts`,
      });
    }
    for (const match of text.matchAll(importPattern)) {
      const specifier = match[2]!;
      const target = path
        .relative(project, path.resolve(path.dirname(path.join(project, file)), specifier))
        .split(path.sep)
        .join('/');
      const to = roomOf(target.endsWith('.ts') || target.includes('.') ? target : `${target}/x`);
      if (to === null || to === from) continue;
      const at = { file, ...place(text, match.index + match[0].indexOf(specifier)) };
      if (target !== `plugins/${to}/index.ts`) {
        violations.push({
          ...at,
          rule: 'front-door',
          message: `Unexpected import of \`${target}\` from outside \`plugins/${to}/\`, expected \`plugins/${to}/index.ts\` (its front door)`,
        });
      }
      const test = file.includes('/test/');
      if (from !== null && !test && !(layers[from] ?? []).includes(to)) {
        violations.push({
          ...at,
          rule: 'layer',
          message: `Unexpected import of \`plugins/${to}/\` from \`plugins/${from}/\`, expected only ${(layers[from] ?? []).map((name) => `\`${name}\``).join(', ') || 'no other folder'} (the layers below it)`,
        });
      }
    }
    if (from !== null && !file.includes('/test/')) {
      for (const match of text.matchAll(/\bfrom\s*['"](\.\.\/)+(src|scripts|tests|bench)\//g)) {
        violations.push({
          file,
          ...place(text, match.index),
          rule: 'layer',
          message: `Unexpected import of \`${match[2]}/\` from \`plugins/${from}/\`, expected plugins to import only plugins`,
        });
      }
    }
    for (const match of text.matchAll(/\bas never\b/g)) {
      violations.push({
        file,
        ...place(text, match.index),
        rule: 'as-never',
        message: 'Unexpected `as never`, expected a typed node (register custom node types by module augmentation, as `plugins/remark-spec/types.ts` does)',
      });
    }
  }
  return violations;
}

if (import.meta.main) {
  const violations = checkRooms();
  for (const v of violations) console.error(`${v.file}:${v.line}:${v.column}: error: ${v.message} [rooms:${v.rule}]`);
  if (violations.length > 0) {
    console.error(`\n${violations.length} problem${violations.length === 1 ? '' : 's'}`);
    process.exit(1);
  }
  console.log('rooms: every import goes through a front door and down the layers');
}
