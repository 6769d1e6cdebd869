import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { expect, test } from 'vitest';
import { fontsFor } from '../card-fonts.ts';

const files = path.dirname(createRequire(import.meta.url).resolve('@fontsource/inter/files/inter-latin-400-normal.woff'));
/** Which Inter subset files (`latin-400`, `greek-700`, …) a list of faces came from. */
function subsetsOf({ fonts }: ReturnType<typeof fontsFor>): string[] {
  const byData = new Map(
    readdirSync(files)
      .filter((name) => /^inter-[a-z-]+-(400|700)-normal\.woff$/.test(name))
      .map((name) => [readFileSync(path.join(files, name)).toString('base64'), name.replace(/^inter-|-normal\.woff$/g, '')]),
  );
  return fonts.map((face) => byData.get(face.data.toString('base64')) ?? '?').sort();
}

test('a card in English gets the Latin faces only, both weights', () => {
  expect(subsetsOf(fontsFor('Model Spec · Comply with applicable laws — “curly” ‘quotes’ and an ellipsis…System authority'))).toEqual([
    'latin-400',
    'latin-700',
  ]);
});

test('a card in other scripts gets the subsets that draw its characters, each a family of its own, Latin first', () => {
  const mixed = fontsFor('Правила Ωμέγα');
  expect(subsetsOf(mixed)).toEqual(['cyrillic-400', 'cyrillic-700', 'greek-400', 'greek-700', 'latin-400', 'latin-700']);
  expect(mixed.family).toBe('"Inter latin", "Inter cyrillic", "Inter greek"');
  expect(new Set(mixed.fonts.map((face) => face.name))).toEqual(new Set(['Inter latin', 'Inter cyrillic', 'Inter greek']));
  expect(subsetsOf(fontsFor('Quy tắc'))).toEqual(['latin-400', 'latin-700', 'vietnamese-400', 'vietnamese-700']);
});

test('the same subsets give the same list, and a card with nothing drawable still gets a face', () => {
  expect(fontsFor('Be honest')).toBe(fontsFor('Do not lie'));
  expect(subsetsOf(fontsFor(''))).toEqual(['latin-400', 'latin-700']);
});
