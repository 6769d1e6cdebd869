// A chapter address a release served at the root keeps working after a later release renames or
// merges the chapter: `/approachable/` while 1.0.0 was the latest must still lead somewhere.
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { shortLinkPages } from '../../plugins/astro/index.ts';
import { freezeRelease } from '../../plugins/releases/index.ts';
import { loadSite } from '../../plugins/site/index.ts';

const work = mkdtempSync(path.join(tmpdir(), 'moved-chapters-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('a renamed chapter, a chapter whose section was removed and one that stays each get the right root address', async () => {
  const content = path.join(work, 'content');
  mkdirSync(content);
  writeFileSync(path.join(content, 'spec.config.json'), '{ "title": "T" }');
  writeFileSync(path.join(content, '01-approachable.md'), '# Be approachable\n::section{#approachable}\n\n## Be kind\n::section{#be_kind}\n\nBe kind.\n');
  writeFileSync(path.join(content, '02-stays.md'), '# Stays\n::section{#stays}\n\nHere.\n');
  writeFileSync(path.join(content, '03-gone.md'), '# Gone\n::section{#gone}\n\nSoon gone.\n');
  freezeRelease(content, '1.0.0', { date: '2025-01-01', log: () => {} });
  // 2.0.0 merges "Be approachable" into "Style" (its id an old id there) and drops "Gone" with a removal.
  renameSync(path.join(content, '01-approachable.md'), path.join(content, '01-style.md'));
  writeFileSync(path.join(content, '01-style.md'), '# Style\n::section{#style oldids="approachable"}\n\n## Be kind\n::section{#be_kind}\n\nBe kind.\n');
  rmSync(path.join(content, '03-gone.md'));
  writeFileSync(path.join(content, 'removals.json'), JSON.stringify({ gone: { see: 'stays', reason: 'Folded into Stays.' } }));
  freezeRelease(content, '2.0.0', { date: '2025-02-01', log: () => {} });

  const site = await loadSite(content, { log: () => {} });
  const pages = new Map(shortLinkPages(site).map((page) => [page.url, page.html]));
  const refresh = (html: string | undefined) => /http-equiv="refresh" content="0; url=([^"]+)"/.exec(html ?? '')?.[1]?.replace(/&#38;/g, '&');
  // Without JavaScript: to where the chapter's first section is now.
  expect(refresh(pages.get('/approachable/'))).toBe('/style/#style');
  expect(pages.get('/approachable/')).toContain('“Be approachable”');
  // With it, a link's own #id goes along, for the page it lands on to resolve.
  expect(pages.get('/approachable/')).toContain('location.hash.length>1');
  expect(refresh(pages.get('/gone/'))).toBe('/stays/?removed=gone#stays');
  // A chapter the root still serves, and the root's own chapters, get no page here.
  expect(pages.has('/stays/')).toBe(false);
  expect(pages.has('/style/')).toBe(false);
});
