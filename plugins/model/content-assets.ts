import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Definition, Image, Link, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { isWithin, resolveContained } from './contained-path.ts';

/** A file of the content folder the site must publish because a chapter shows or links it. */
export interface ContentAsset {
  /** Absolute real path of the file to copy. */
  source: string;
  /** Where it goes in the built site, relative to the site root (no base): `assets/images/chart.png`. */
  output: string;
}

export interface ContentAssetOptions {
  /** The content folder: relative URLs must stay inside it. */
  contentDir: string;
  /** The site's base path (`/` or `/my-spec/`), put in front of rewritten URLs. */
  base: string;
  /** The site's `public/`: `/…` URLs must name a file there, and get the base in front (without one, a `/…` URL is refused). */
  publicDir?: string;
}

/** The folder of the built site that content files are copied to; reserved as a page name. */
export const assetsFolder = 'assets';

/** The `source` of every message here (`[spec-assets:missing-asset]`). */
export const contentAssetsSource = 'spec-assets';

declare module 'vfile' {
  interface DataMap {
    /** Set by remarkContentAssets: the files this chapter needs published. */
    contentAssets: ContentAsset[];
  }
}

/** The remark form of checkContentAssets: the assets go to `file.data.contentAssets`. */
export default function remarkContentAssets(options: ContentAssetOptions) {
  return (tree: Root, file: VFile) => {
    file.data.contentAssets = checkContentAssets(tree, file, options);
  };
}

const hasScheme = /^[a-z][a-z0-9+.-]*:/i;

/**
 * Checks the URL of every image and link definition of a chapter. Relative URLs are files of the
 * content folder: they must exist, stay inside it (no `..` escape, no symbolic link out, no hidden
 * file) and are rewritten to where the file is published. External URLs are left alone. Each
 * problem is a fatal message at the node; nothing is returned for it.
 */
export function checkContentAssets(tree: Root, file: VFile, options: ContentAssetOptions): ContentAsset[] {
  const root = path.resolve(options.contentDir);
  const realRoot = realpathSync(root);
  const chapterDir = file.path ? path.dirname(path.resolve(file.path)) : root;
  const assets = new Map<string, ContentAsset>();

  const check = (node: Image | Definition | Link) => {
    const what = node.type === 'image' ? 'image' : 'link target';
    const fail = (ruleId: string, reason: string) => {
      const message = file.message(reason, { place: node.position, ruleId, source: contentAssetsSource });
      message.fatal = true;
    };
    const url = node.url.trim();
    if (url === '' || url.startsWith('#') || url.startsWith('?') || url.startsWith('//')) return;
    if (/^[a-z]:[\\/]/i.test(url) || url.includes('\\') || /^file:/i.test(url)) {
      return fail(
        'asset-path',
        `Unexpected ${what} \`${url}\`, a path on this computer, expected a path relative to the chapter with \`/\` (such as \`images/chart.png\`) or an http(s) URL`,
      );
    }
    if (hasScheme.test(url)) return;
    const [, pathPart = '', suffix = ''] = /^([^?#]*)(.*)$/.exec(url)!;
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathPart);
    } catch {
      return fail('asset-path', `Unexpected ${what} \`${url}\` with a broken %-escape, expected a valid URL path`);
    }

    if (decoded.startsWith('/')) {
      if (!options.publicDir)
        return fail(
          'missing-asset',
          `Unexpected ${what} \`${url}\`: the site has no \`public/\` folder, expected a path relative to the chapter (or the file in \`public/\`)`,
        );
      const publicDir = path.resolve(options.publicDir);
      const target = path.join(publicDir, decoded);
      if (!isWithin(publicDir, target) || !isFile(target)) {
        return fail('missing-asset', `Unexpected ${what} \`${url}\`: no such file in \`public/\`, expected a file there or a path relative to the chapter`);
      }
      node.url = options.base + pathPart.replace(/^\/+/, '') + suffix;
      return;
    }

    const target = path.resolve(chapterDir, decoded);
    const inContent = path.relative(root, target).split(path.sep).join('/');
    if (!isWithin(root, target)) {
      return fail(
        'asset-outside-content',
        `Unexpected ${what} \`${url}\`, which leads outside the content folder, expected a file inside it (nothing outside content/ and public/ is published)`,
      );
    }
    if (inContent.split('/').some((segment) => segment.startsWith('.'))) {
      return fail('asset-path', `Unexpected ${what} \`${url}\`, a hidden file, expected a file whose path has no part starting with \`.\``);
    }
    if (!isFile(target)) {
      return fail(
        'missing-asset',
        `Unexpected ${what} \`${url}\`: no such file (looked for \`${inContent}\` in the content folder), expected an existing file`,
      );
    }
    const contained = resolveContained(realRoot, target);
    if (!contained.inside) {
      return fail(
        'asset-outside-content',
        `Unexpected ${what} \`${url}\`, a symbolic link to \`${contained.real}\` outside the content folder, expected a file inside it`,
      );
    }
    const output = `${assetsFolder}/${inContent}`;
    assets.set(output, { source: contained.real, output });
    node.url = options.base + output.split('/').map(encodeURIComponent).join('/') + suffix;
  };

  visit(tree, (node) => {
    if (node.type === 'image' || node.type === 'definition' || (node.type === 'link' && linksToFile(node.url))) check(node);
  });
  return [...assets.values()];
}

/**
 * An inline link to a file (`[data](files/data.csv)`), checked and published like an image: a
 * relative path with an extension that is not a page's. Links to pages (`../chain-of-command/`,
 * `#id`, `.md`, `.html`) are the link checker's.
 */
function linksToFile(url: string): boolean {
  const pathPart = /^[^?#]*/.exec(url.trim())![0];
  if (!pathPart || hasScheme.test(pathPart) || pathPart.startsWith('//') || pathPart.endsWith('/')) return false;
  const extension = path.posix.extname(pathPart).toLowerCase();
  return extension !== '' && !['.md', '.mdx', '.html', '.htm'].includes(extension);
}

function isFile(target: string): boolean {
  try {
    return statSync(target).isFile();
  } catch {
    return false;
  }
}
