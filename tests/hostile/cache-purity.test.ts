// Caches hold only what their keys name: two content folders never share an entry, and a frozen
// release's pages are the same from a fresh build and a warm cache.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChapterCache } from '../../plugins/model/index.ts';
import { loadSpec, SpecError } from '../../plugins/model/index.ts';
import { loadSite } from '../../plugins/site/index.ts';
import { freezeRelease } from '../../plugins/releases/index.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function folder(files: Record<string, string | Buffer>): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'cache-purity-')), 'content');
  dirs.push(path.dirname(dir));
  for (const [name, bytes] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), bytes);
  }
  return dir;
}

describe('the content folder is part of every cache key', () => {
  it("a second spec with the same chapter text does not get the first one's image, and its missing image is reported", () => {
    const chapter = '# Charts\n::section{#charts}\n\n![A chart](images/chart.png)\n';
    const cache = new ChapterCache();
    const first = folder({ '01-charts.md': chapter, 'images/chart.png': Buffer.from([1, 2, 3]) });
    const second = folder({ '01-charts.md': chapter });
    expect(loadSpec(first, { cache }).assets).toHaveLength(1);
    expect(() => loadSpec(second, { cache })).toThrow(SpecError);
    expect(() => loadSpec(second, { cache })).toThrow(/01-charts\.md:4:\d+: error: .*images\/chart\.png/);
  });
});

describe('a cached chapter is only as good as its images', () => {
  it('an image replaced by a link out of the folder, behind a warm cache, is refused as on a cold one', () => {
    const chapter = '# Charts\n::section{#charts}\n\n![A chart](_shared/chart.png)\n';
    const cache = new ChapterCache();
    const content = folder({ '01-charts.md': chapter, '_shared/chart.png': Buffer.from([1, 2, 3]) });
    const outside = path.join(path.dirname(content), 'secret.png');
    writeFileSync(outside, 'SECRET');
    expect(loadSpec(content, { cache }).assets.map((asset) => asset.source)).toEqual([realpathSync(path.join(content, '_shared/chart.png'))]);
    rmSync(path.join(content, '_shared/chart.png'));
    symlinkSync(outside, path.join(content, '_shared/chart.png'));
    expect(() => loadSpec(content, { cache })).toThrow(
      /01-charts\.md:4:\d+: error: Unexpected image `_shared\/chart\.png`, a symbolic link to .*secret\.png` outside the content folder/,
    );
  });
});

describe('frozen pages are a pure function of their inputs', () => {
  it('a draft rename does not change a release page, fresh or warm', async () => {
    const content = folder({
      'spec.config.json': '{ "title": "T" }',
      '01-rules.md': '# Rules\n::section{#rules}\n\n## Be kind\n::section{#be_kind}\n\nBe kind.\n',
    });
    freezeRelease(content, '1.0.0', { date: '2025-01-01', log: () => {} });
    writeFileSync(path.join(content, '01-rules.md'), '# Rules\n::section{#rules}\n\n## Be kind\n::section{#be_kind}\n\nBe kind, always.\n');
    freezeRelease(content, '2.0.0', { date: '2025-02-01', log: () => {} });
    const pageOf = async (cache?: ChapterCache) => {
      const site = await loadSite(content, { log: () => {}, ...(cache ? { cache } : {}) });
      return site.editions
        .find((edition) => edition.version === '2.0.0' && edition.prefix === '2.0.0/')!
        .model.chapters.map((chapter) => chapter.html)
        .join('\n');
    };
    const cache = new ChapterCache();
    const before = await pageOf(cache);
    expect(before).toContain('2.0.0');
    // The draft renames the section; the release's pages must not notice.
    writeFileSync(path.join(content, '01-rules.md'), '# Rules\n::section{#rules}\n\n## Be kind\n::section{#kindness oldids="be_kind"}\n\nBe kind, always.\n');
    const warm = await pageOf(cache);
    const fresh = await pageOf();
    expect(fresh).toBe(warm);
    expect(fresh).toBe(before);
  });
});
