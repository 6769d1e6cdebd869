// Release notes are content too: inert like chapters, positioned messages, no hang.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SpecError } from '../../plugins/model/index.ts';
import { loadSite } from '../../plugins/site/index.ts';
import { freezeRelease } from '../../plugins/releases/index.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function released(notes: string): string {
  const work = mkdtempSync(path.join(tmpdir(), 'release-notes-'));
  dirs.push(work);
  const content = path.join(work, 'content');
  mkdirSync(content);
  writeFileSync(path.join(content, '01-intro.md'), '# Intro\n::section{#intro}\n\nHello.\n');
  writeFileSync(path.join(work, 'notes.md'), notes);
  freezeRelease(content, '1.0.0', { date: '2025-01-01', notesFile: path.join(work, 'notes.md'), log: () => {} });
  return content;
}

describe('release notes', () => {
  it('links with unsafe schemes and raw HTML stay inert, each warned about at its place', async () => {
    const content = released('# Notes\n\nSee [this](javascript:alert(1)) and [that][evil].\n\n<script>alert(2)</script>\n\n[evil]: JaVaScRiPt:alert(3)\n');
    const logs: string[] = [];
    const site = await loadSite(content, { log: (text) => logs.push(text) });
    const html = site.editions.find((edition) => edition.version === '1.0.0')!.notesHtml!;
    expect(html).not.toMatch(/href="\s*javascript|<script/i);
    expect(html).toContain('&#x3C;script>');
    expect(html).toContain('ms-unsafe-link');
    const report = logs.join('\n');
    expect(report).toMatch(/releases\/1\.0\.0\/notes\.md:3:5: warning: Unexpected `javascript:alert\(1\)` URL in release notes/);
    expect(report).toMatch(/notes\.md:7:1: warning: Unexpected `JaVaScRiPt:alert\(3\)` URL/);
    expect(report).not.toMatch(/\n\s+at /);
  });

  it('a slow-path run of markers is refused, positioned, before parsing', async () => {
    const content = released(`# Notes\n\n${'_*'.repeat(30_000)}\n`);
    await expect(loadSite(content, { log: () => {} })).rejects.toThrow(SpecError);
    await expect(loadSite(content, { log: () => {} })).rejects.toThrow(/notes\.md:3:\d+: error: Unexpected run of emphasis markers/);
  });
});
