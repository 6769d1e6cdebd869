import { mkdtempSync, readFileSync, rmSync, writeFileSync, openSync, writeSync, closeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { settledLoads } from '../content-watch.ts';

const work = mkdtempSync(path.join(tmpdir(), 'ms-watch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A load that fails on a half-written chapter, as the spec loader does on a cut-off example. */
function harness(file: string) {
  const reads: string[] = [];
  const reported: unknown[] = [];
  let busy = false;
  let overlapped = false;
  const changed = settledLoads({
    quietMs: 30,
    graceMs: 300,
    load: async () => {
      overlapped ||= busy;
      busy = true;
      const text = readFileSync(file, 'utf8');
      reads.push(text);
      await sleep(60);
      busy = false;
      if (!text.endsWith('END\n')) throw new Error('cut off');
    },
    report: (error) => reported.push(error),
  });
  return { changed, reads, reported, overlapped: () => overlapped };
}

test('a save written in two steps, with pauses longer than the quiet time, is read whole and reports no error', async () => {
  const file = path.join(work, 'two-steps.md');
  writeFileSync(file, 'old\nEND\n');
  const { changed, reads, reported } = harness(file);
  for (const gap of [10, 45, 120]) {
    const text = `chapter written with a ${gap} ms gap\n`.repeat(50) + 'END\n';
    const fd = openSync(file, 'r+');
    ftruncateSync(fd, 0);
    writeSync(fd, text.slice(0, text.length / 2), 0);
    changed(file);
    await sleep(gap);
    writeSync(fd, text.slice(text.length / 2), text.length / 2);
    closeSync(fd);
    changed(file);
    await expect.poll(() => reads.at(-1), { timeout: 5000, interval: 20 }).toBe(text);
    await sleep(400);
  }
  expect(reported).toEqual([]);
});

test('a write that lands after its only event is still read', async () => {
  const file = path.join(work, 'late.md');
  writeFileSync(file, 'before\nEND\n');
  const { changed, reads, reported } = harness(file);
  changed(file);
  await sleep(15);
  writeFileSync(file, 'after\nEND\n');
  await expect.poll(() => reads.at(-1), { timeout: 5000, interval: 20 }).toBe('after\nEND\n');
  expect(reported).toEqual([]);
});

test('a save whose second half brings no event of its own is read whole, with no error reported', async () => {
  const file = path.join(work, 'folded.md');
  writeFileSync(file, 'old\nEND\n');
  const { changed, reads, reported } = harness(file);
  const text = 'the second half brings no event\n'.repeat(40) + 'END\n';
  const fd = openSync(file, 'r+');
  ftruncateSync(fd, 0);
  writeSync(fd, text.slice(0, text.length / 2), 0);
  changed(file);
  await sleep(150);
  writeSync(fd, text.slice(text.length / 2), text.length / 2);
  closeSync(fd);
  await expect.poll(() => reads.at(-1), { timeout: 5000, interval: 20 }).toBe(text);
  await sleep(400);
  expect(reported).toEqual([]);
});

test('edits during a load queue one more load, so the last edit is what is read; loads never overlap', async () => {
  const file = path.join(work, 'many.md');
  writeFileSync(file, 'v0\nEND\n');
  const { changed, reads, overlapped } = harness(file);
  for (let version = 1; version <= 8; version++) {
    writeFileSync(file, `v${version}\nEND\n`);
    changed(file);
    await sleep(25 + (version % 3) * 30);
  }
  await expect.poll(() => reads.at(-1), { timeout: 5000, interval: 20 }).toBe('v8\nEND\n');
  expect(overlapped()).toBe(false);
  expect(reads.length).toBeLessThan(8);
});

test('a real content error is still reported once the file stops changing', async () => {
  const file = path.join(work, 'broken.md');
  writeFileSync(file, 'fine\nEND\n');
  const { changed, reported } = harness(file);
  writeFileSync(file, 'broken for good\n');
  changed(file);
  await expect.poll(() => reported.length, { timeout: 5000, interval: 20 }).toBe(1);
});
