import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { leftoverNames, sweepLeftovers } from '../leftovers.ts';

test('what a killed build left aside is removed; what a running build or anything else holds is kept', () => {
  const dead = spawnSync(process.execPath, ['-e', '']).pid!;
  const alive = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
  const dir = mkdtempSync(path.join(tmpdir(), 'ms-leftovers-'));
  try {
    const entries = {
      [`files-${dead}`]: 'folder',
      [`search-${dead}`]: 'folder',
      [`renderer.${dead}.tmp`]: 'folder',
      [`files-${alive.pid}`]: 'folder',
      [`search-${process.pid}`]: 'folder',
      'files-latest': 'folder',
      'site.json': 'file',
      chapters: 'folder',
    };
    for (const [name, kind] of Object.entries(entries)) {
      if (kind === 'folder') {
        mkdirSync(path.join(dir, name));
        writeFileSync(path.join(dir, name, 'index.html'), 'x');
      } else writeFileSync(path.join(dir, name), 'x');
    }
    const removed = sweepLeftovers(dir, leftoverNames.store);
    expect(removed.sort()).toEqual([`files-${dead}`, `renderer.${dead}.tmp`, `search-${dead}`]);
    expect(readdirSync(dir).sort()).toEqual(['chapters', `files-${alive.pid}`, 'files-latest', `search-${process.pid}`, 'site.json'].sort());
    // Images written aside before their rename, and scratch folders on the memory file system.
    writeFileSync(path.join(dir, `0123abcd.png.${dead}.tmp`), 'x');
    writeFileSync(path.join(dir, '0123abcd.png'), 'x');
    expect(sweepLeftovers(dir, leftoverNames.aside)).toEqual([`0123abcd.png.${dead}.tmp`]);
    mkdirSync(path.join(dir, `model-spec-${dead}-Ab12Cd`));
    mkdirSync(path.join(dir, `model-spec-${alive.pid}-Xy34Zw`));
    expect(sweepLeftovers(dir, leftoverNames.memory)).toEqual([`model-spec-${dead}-Ab12Cd`]);
    expect(sweepLeftovers(path.join(dir, 'missing'), leftoverNames.store)).toEqual([]);
    // One that cannot be removed (another user's, on the shared /dev/shm) is left, and the sweep goes
    // on. Made so here by the immutable attribute, which stops root too.
    const stuck = path.join(dir, 'stuck');
    mkdirSync(path.join(stuck, `files-${dead}`), { recursive: true });
    mkdirSync(path.join(stuck, `search-${dead}`));
    const immutable = (on: boolean) => spawnSync('chattr', [on ? '+i' : '-i', path.join(stuck, `files-${dead}`)]).status === 0;
    if (immutable(true)) {
      try {
        expect(sweepLeftovers(stuck, leftoverNames.store)).toEqual([`search-${dead}`]);
        expect(readdirSync(stuck)).toEqual([`files-${dead}`]);
      } finally {
        immutable(false);
      }
    } else expect(process.getuid?.()).not.toBe(0); // Only root may set it; elsewhere this case needs another user.
  } finally {
    alive.kill();
    rmSync(dir, { recursive: true, force: true });
  }
});
