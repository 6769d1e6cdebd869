import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { remarkContentAssets, checkContentAssets } from '../../plugins/model/index.ts';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'content-assets-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** Parses `content/<chapter>` from disk and checks it, as the loader would. */
function check(content: string, chapter = '01-chapter.md', options: { base?: string; publicDir?: string } = {}) {
  const file = new VFile({ path: path.join(content, chapter) });
  file.value = readFileSync(file.path, 'utf8');
  const tree = unified().use(remarkParse).parse(file) as Root;
  const assets = checkContentAssets(tree, file, { contentDir: content, base: options.base ?? '/', ...options });
  const messages = file.messages.map((message) => {
    expect(message.fatal).toBe(true);
    expect(message.source).toBe('spec-assets');
    return `${message.line}:${message.column} ${message.reason} [${message.ruleId}]`;
  });
  return { assets, messages, tree };
}

function urls(tree: Root): string[] {
  const found: string[] = [];
  const walk = (node: { type: string; url?: string; children?: unknown[] }) => {
    if ((node.type === 'image' || node.type === 'definition') && node.url !== undefined) found.push(node.url);
    for (const child of (node.children ?? []) as Array<typeof node>) walk(child);
  };
  walk(tree);
  return found;
}

describe('content assets', () => {
  it('publishes relative images and definitions under assets/, with the base, and leaves external URLs alone', () => {
    const content = folder({
      '01-chapter.md':
        '# Title\n\n![Chart](images/chart.png "A chart")\n\n![Logo][logo]\n\n![Space](images/my%20pic.png#frag)\n\n![Web](https://example.com/x.png)\n\n[logo]: ./images/logo.svg\n[site]: https://example.com/\n[anchor]: #section\n',
      'images/chart.png': 'png',
      'images/logo.svg': '<svg/>',
      'images/my pic.png': 'png',
    });
    const { assets, messages, tree } = check(content, '01-chapter.md', { base: '/my-spec/' });
    expect(messages).toEqual([]);
    expect(assets).toEqual([
      { source: path.join(content, 'images/chart.png'), output: 'assets/images/chart.png' },
      { source: path.join(content, 'images/my pic.png'), output: 'assets/images/my pic.png' },
      { source: path.join(content, 'images/logo.svg'), output: 'assets/images/logo.svg' },
    ]);
    expect(urls(tree)).toEqual([
      '/my-spec/assets/images/chart.png',
      '/my-spec/assets/images/my%20pic.png#frag',
      'https://example.com/x.png',
      '/my-spec/assets/images/logo.svg',
      'https://example.com/',
      '#section',
    ]);
  });

  it('refuses a path that leads outside the content folder', () => {
    const outer = folder({
      'content/01-chapter.md': '# T\n\nText ![x](../../etc/passwd) and ![y](../secret.png)\n\n[d]: ../secret.png\n',
      'secret.png': 'png',
    });
    const { assets, messages } = check(path.join(outer, 'content'));
    expect(assets).toEqual([]);
    expect(messages).toEqual([
      '3:6 Unexpected image `../../etc/passwd`, which leads outside the content folder, expected a file inside it (nothing outside content/ and public/ is published) [asset-outside-content]',
      '3:33 Unexpected image `../secret.png`, which leads outside the content folder, expected a file inside it (nothing outside content/ and public/ is published) [asset-outside-content]',
      '5:1 Unexpected link target `../secret.png`, which leads outside the content folder, expected a file inside it (nothing outside content/ and public/ is published) [asset-outside-content]',
    ]);
  });

  it('refuses a missing file, a hidden file, a folder and paths of this computer', () => {
    const content = folder({
      '01-chapter.md': '![a](images/missing.png)\n![b](.env)\n![c](images)\n![d](C:\\pics\\x.png)\n![e](file:///etc/passwd)\n![f](a%zz.png)\n',
      '.env': 'SECRET=1',
      'images/x.png': 'png',
    });
    expect(check(content).messages).toEqual([
      '1:1 Unexpected image `images/missing.png`: no such file (looked for `images/missing.png` in the content folder), expected an existing file [missing-asset]',
      '2:1 Unexpected image `.env`, a hidden file, expected a file whose path has no part starting with `.` [asset-path]',
      '3:1 Unexpected image `images`: no such file (looked for `images` in the content folder), expected an existing file [missing-asset]',
      expect.stringMatching(/^4:1 Unexpected image `C:\\pics\\x.png`, a path on this computer, expected a path relative to the chapter/),
      expect.stringMatching(/^5:1 Unexpected image `file:\/\/\/etc\/passwd`, a path on this computer/),
      '6:1 Unexpected image `a%zz.png` with a broken %-escape, expected a valid URL path [asset-path]',
    ]);
  });

  it('refuses a symbolic link out of the content folder', () => {
    const outside = folder({ 'secret.png': 'png' });
    const content = folder({ '01-chapter.md': '![x](images/linked.png)\n![y](images/inside.png)\n', 'images/real.png': 'png' });
    symlinkSync(path.join(outside, 'secret.png'), path.join(content, 'images/linked.png'));
    symlinkSync(path.join(content, 'images/real.png'), path.join(content, 'images/inside.png'));
    const { assets, messages } = check(content);
    expect(messages).toEqual([
      expect.stringMatching(
        /^1:1 Unexpected image `images\/linked.png`, a symbolic link to `.*secret\.png` outside the content folder, expected a file inside it \[asset-outside-content\]$/,
      ),
    ]);
    expect(assets).toEqual([{ source: path.join(content, 'images/real.png'), output: 'assets/images/inside.png' }]);
  });

  it('checks site-absolute paths against public/ when given, and adds the base', () => {
    const publicDir = folder({ 'logo.svg': '<svg/>' });
    const content = folder({ '01-chapter.md': '![a](/logo.svg)\n![b](/nope.png)\n![c](/../../etc/passwd)\n' });
    const { assets, messages, tree } = check(content, '01-chapter.md', { base: '/spec/', publicDir });
    expect(assets).toEqual([]);
    expect(messages).toEqual([
      '2:1 Unexpected image `/nope.png`: no such file in `public/`, expected a file there or a path relative to the chapter [missing-asset]',
      '3:1 Unexpected image `/../../etc/passwd`: no such file in `public/`, expected a file there or a path relative to the chapter [missing-asset]',
    ]);
    expect(urls(tree)[0]).toBe('/spec/logo.svg');
  });

  it('publishes and checks inline links to files like images; links to pages are left to the link checker', () => {
    const content = folder({
      '01-chapter.md':
        '[data](files/data.csv) [gone](files/nope.csv) [page](../chain-of-command/) [chapter](02-other.md) [id](#rule) [site](https://example.com/x.pdf)\n',
      'files/data.csv': 'a,b\n',
    });
    const { assets, messages, tree } = check(content, '01-chapter.md', { base: '/spec/' });
    expect(assets).toEqual([{ source: path.join(content, 'files/data.csv'), output: 'assets/files/data.csv' }]);
    expect(messages).toEqual([
      '1:24 Unexpected link target `files/nope.csv`: no such file (looked for `files/nope.csv` in the content folder), expected an existing file [missing-asset]',
    ]);
    const links: string[] = [];
    const walk = (node: { type: string; url?: string; children?: unknown[] }) => {
      if (node.type === 'link') links.push(node.url!);
      for (const child of (node.children ?? []) as Array<typeof node>) walk(child);
    };
    walk(tree);
    expect(links).toEqual(['/spec/assets/files/data.csv', 'files/nope.csv', '../chain-of-command/', '02-other.md', '#rule', 'https://example.com/x.pdf']);
  });

  it('refuses site-absolute paths when the site has no public/ folder: nothing would publish them', () => {
    const content = folder({ '01-chapter.md': '![a](/etc/passwd)\n![b](/logo.svg)\n' });
    const { assets, messages } = check(content, '01-chapter.md');
    expect(assets).toEqual([]);
    expect(messages).toEqual([
      '1:1 Unexpected image `/etc/passwd`: the site has no `public/` folder, expected a path relative to the chapter (or the file in `public/`) [missing-asset]',
      '2:1 Unexpected image `/logo.svg`: the site has no `public/` folder, expected a path relative to the chapter (or the file in `public/`) [missing-asset]',
    ]);
  });

  it('runs as a remark plugin, leaving the assets on the file and the new URLs in the output', () => {
    const content = folder({ '01-chapter.md': '![Chart](chart.png)\n', 'chart.png': 'png' });
    const file = new VFile({ path: path.join(content, '01-chapter.md'), value: '![Chart](chart.png)\n' });
    const processor = unified().use(remarkParse).use(remarkContentAssets, { contentDir: content, base: '/' });
    const tree = processor.runSync(processor.parse(file), file);
    expect(urls(tree as Root)).toEqual(['/assets/chart.png']);
    expect(file.data.contentAssets).toEqual([{ source: path.join(content, 'chart.png'), output: 'assets/chart.png' }]);
  });
});
