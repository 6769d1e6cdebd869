import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpecError, formatMessages } from '../../model/index.ts';
import { loadTimeline } from '../timeline.ts';
import { threeVersions, v2Removals } from './support.ts';

/** The report of a timeline that fails, one message per line without the counts line. */
function failure(content: string): string[] {
  try {
    loadTimeline(content, { draft: true });
  } catch (error) {
    expect(error).toBeInstanceOf(SpecError);
    return (error as SpecError).message.split('\n').filter((line) => line.includes(': error: ') || line.includes(': warning: '));
  }
  throw new Error('the timeline loaded');
}

describe('anchor continuity', () => {
  it('every id a release published must resolve in the latest release and the draft', () => {
    const content = threeVersions('lost');
    const lines = failure(content);
    // going_away (line 50 of v1/01-rules.md) and ex_doomed (line 55) are in 2025-01-01 only;
    // old_name and new_name live on as oldids.
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /releases\/2025-01-01\/01-rules\.md:50:1: error: Unexpected loss of the id `going_away` published in release 2025-01-01: it does not resolve in the latest release 2025-02-01, expected links to it to keep working: keep a section or example with this id, add it to a section's `oldids="going_away"`, or declare it in content\/removals\.json as \{ "going_away": \{ "see": "<id>" \| null, "reason": "…" \} \} \[model-spec-site:published-id-lost\]$/,
    );
    expect(lines[1]).toMatch(
      /releases\/2025-01-01\/01-rules\.md:50:1: error: Unexpected loss of the id `going_away` published in release 2025-01-01: it does not resolve in the draft,/,
    );
    expect(lines[2]).toMatch(
      /releases\/2025-01-01\/01-rules\.md:55:1: error: Unexpected loss of the id `ex_doomed` published in release 2025-01-01: it does not resolve in the latest release 2025-02-01/,
    );
    expect(lines[3]).toMatch(/01-rules\.md:55:1: error: .*`ex_doomed`.* in the draft/);
  });

  it('a declared removal resolves a lost id; unused removals and a `see` that lands nowhere are reported', () => {
    const content = threeVersions('removals');
    writeFileSync(
      path.join(content, 'removals.json'),
      JSON.stringify(
        {
          going_away: { see: 'nowhere', reason: 'Folded into the parents.' },
          ex_doomed: { see: null, reason: 'No longer relevant.' },
          never_published: { see: null, reason: 'Typo.' },
          child: { see: null, reason: 'Still here.' },
        },
        null,
        2,
      ),
    );
    const lines = failure(content);
    expect(lines).toEqual([
      expect.stringMatching(
        /removals\.json:2:3: error: Unexpected `see` target `nowhere` for the removed id `going_away`: it does not resolve in the latest release 2025-02-01, expected the id of a section or example there \(or one of its oldids\), or null \[model-spec-site:removal-see-unresolved\]$/,
      ),
      expect.stringMatching(/removals\.json:2:3: error: .*`going_away`: it does not resolve in the draft/),
      expect.stringMatching(
        /removals\.json:10:3: warning: Unexpected removal of `never_published`, which no release published, expected only published ids in removals\.json \(delete the entry\) \[model-spec-site:unused-removal\]$/,
      ),
      expect.stringMatching(/removals\.json:14:3: warning: Unexpected removal of `child`, which the draft still defines/),
    ]);
  });

  it('with valid removals the timeline loads and resolves ids in the latest release', () => {
    const content = threeVersions('resolve');
    writeFileSync(path.join(content, 'removals.json'), JSON.stringify(v2Removals, null, 2));
    const warnings: string[] = [];
    const timeline = loadTimeline(content, { draft: true, log: (text) => warnings.push(text) });
    expect(warnings).toEqual([]);
    expect(timeline.releases.map((release) => release.version)).toEqual(['2025-01-01', '2025-02-01']);
    expect(timeline.diffs.map((diff) => [diff.from, diff.to])).toEqual([
      ['2025-01-01', '2025-02-01'],
      ['2025-02-01', 'draft'],
    ]);
    const resolve = timeline.resolveInLatest;
    expect(resolve('be_kind')).toEqual({ kind: 'self', target: 'be_kind' });
    expect(resolve('old_name')).toEqual({ kind: 'alias', target: 'new_name', removedIn: '2025-02-01' });
    expect(resolve('going_away')).toEqual({ kind: 'removed', target: 'parent_b', removedIn: '2025-02-01', reason: 'Folded into Parent B.' });
    expect(resolve('ex_doomed')).toEqual({ kind: 'removed', removedIn: '2025-02-01', reason: 'No longer relevant.' });
    expect(resolve('never_was')).toBeUndefined();
  });

  it('a broken removals.json fails at the entry', () => {
    const content = threeVersions('bad-removals');
    writeFileSync(path.join(content, 'removals.json'), '{\n  "going_away": { "see": 3 },\n  "bad id": { "see": null, "reason": "x" }\n}\n');
    const lines = failure(content);
    expect(lines).toEqual([
      expect.stringMatching(
        /removals\.json:2:3: error: Unexpected `going_away` without `reason`, expected \{ "old_id": \{ "see": "new_id" \| null, "reason": "…" \} \} \[model-spec-site:removals\]$/,
      ),
      expect.stringMatching(/removals\.json:2:19: error: Unexpected `see` at `going_away.see`, expected the id of a section or example, or null/),
      expect.stringMatching(/removals\.json:3:3: error: Unexpected removed id `bad id`, expected letters, digits, `_` and `-`/),
    ]);
    expect(formatMessages([])).toBe('');
  });
});
