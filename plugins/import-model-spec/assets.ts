import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Definition, Image, Link } from 'mdast';
import { visit } from 'unist-util-visit';
import { VFile } from 'vfile';
import { readChapter } from '../model/index.ts';
import { ImportError } from './output.ts';

/** A file the imported chapters show or link, copied from beside the source into `--out`. */
export interface SourceAsset {
  /** Path inside `--out` (and inside the source folder), with `/`. */
  path: string;
  content: Buffer;
}

const hasScheme = /^[a-z][a-z0-9+.-]*:/i;

/**
 * The files the imported chapters reference by a relative URL (images, links, link definitions),
 * read from the source's folder. Chapters sit at the top of `--out` as `model_spec.md` sits at
 * the top of its folder, so each URL names the same relative path in both. Only files inside the
 * source folder are taken: a `..` escape, a symbolic link out, a missing file or a Markdown file
 * (it would become a chapter) stops the import, naming the source line where the URL is written.
 * Other URLs (external, `#…`, `/…` in the site's `public/`) are left to the site's checks.
 */
export function sourceAssets(
  chapters: ReadonlyArray<{ path: string; content: string }>,
  source: { file: string; text: string },
  display: (file: string) => string,
): SourceAsset[] {
  const dir = path.dirname(source.file);
  const lines = source.text.split(/\r\n?|\n/);
  const where = (url: string) => {
    const index = lines.findIndex((line) => line.includes(url));
    return index >= 0 ? `${display(source.file)}:${index + 1}` : display(source.file);
  };
  const assets = new Map<string, SourceAsset>();
  for (const chapter of chapters) {
    const tree = readChapter(new VFile({ path: chapter.path, value: chapter.content }), 'md');
    visit(tree, (node) => {
      if (node.type !== 'image' && node.type !== 'link' && node.type !== 'definition') return;
      const { url: raw } = node as Image | Link | Definition;
      const url = raw.trim();
      if (url === '' || /^[#?]|^\/\//.test(url) || url.startsWith('/') || url.includes('\\') || hasScheme.test(url)) return;
      let relative: string;
      try {
        relative = decodeURIComponent(/^[^?#]*/.exec(url)![0]);
      } catch {
        return; // The site's check reports the broken %-escape.
      }
      const what = node.type === 'image' ? 'image' : 'link target';
      const target = path.resolve(dir, relative);
      const inside = path.relative(dir, target);
      if (inside === '' || inside.startsWith('..') || path.isAbsolute(inside)) {
        throw new ImportError(
          `${where(url)}: Unexpected ${what} \`${url}\`, which leads outside the source folder, expected a file inside ${display(dir)}/ (only those are copied into --out)`,
        );
      }
      const name = inside.split(path.sep).join('/');
      if (assets.has(name)) return;
      if (!existsSync(target) || !statSync(target).isFile()) {
        throw new ImportError(`${where(url)}: Unexpected ${what} \`${url}\`: no such file (looked for ${display(target)}), expected an existing file`);
      }
      const realInside = path.relative(realpathSync(dir), realpathSync(target));
      if (realInside.startsWith('..') || path.isAbsolute(realInside)) {
        throw new ImportError(
          `${where(url)}: Unexpected ${what} \`${url}\`, a symbolic link out of the source folder, expected a file inside ${display(dir)}/`,
        );
      }
      if (/\.mdx?$/i.test(name) || name === 'spec.config.json') {
        throw new ImportError(
          `${where(url)}: Unexpected ${what} \`${url}\`, a file the import itself writes or reads as a chapter, expected an image or another file`,
        );
      }
      assets.set(name, { path: name, content: readFileSync(target) });
    });
  }
  return [...assets.values()];
}
