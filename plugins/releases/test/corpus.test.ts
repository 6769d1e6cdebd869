import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importModelSpec } from '../../import-model-spec/index.ts';
import { checkContinuity, idTargets, publishedIds } from '../continuity.ts';
import { changesJson, diffReleases } from '../diff.ts';
import { loadVersion, type VersionedSpec } from '../load.ts';
import { tempDir } from './support.ts';

/**
 * The two upstream releases 2025-04-11 and 2025-09-12 of the OpenAI Model Spec (kept outside the
 * repository), imported with the importer, loaded with the loader and compared. Every figure
 * below was checked against the two model_spec.md files independently of this code:
 * - section ids: the `{#id}` of every heading outside code fences, compared as sorted lists;
 * - titles and authority: the heading text and its `authority=` value, joined on the id;
 * - moves: each heading's parent and chapter from the heading depths;
 * - text: each heading's body (fenced blocks and `**Example**` lines left out), whitespace
 *   collapsed, compared between the two files;
 * - examples: the `**Example**:` titles, their fenced conversation (whitespace collapsed) and the
 *   heading each sits under.
 */
const repoRoot = path.resolve(import.meta.dirname, '../../..');
// Beside the main checkout (as the importer's corpus test expects it), or the shared setup's path for worktrees.
const corpus =
  [path.resolve(repoRoot, '../shared/corpus/model-spec'), '/work/shared/corpus/model-spec'].find((dir) => existsSync(dir)) ?? '/work/shared/corpus/model-spec';
const available = existsSync(path.join(corpus, '2025-09-12', 'model_spec.md'));
if (!available) console.warn(`releases corpus test skipped: ${corpus} not found`);

function imported(release: string, dir: string, edit?: (file: string, content: string) => string): VersionedSpec {
  const source = path.join(corpus, release);
  const examples: Record<string, string> = {};
  for (const entry of readdirSync(path.join(source, 'examples')).sort()) {
    if (entry.endsWith('.md')) examples[entry.slice(0, -3)] = readFileSync(path.join(source, 'examples', entry), 'utf8');
  }
  const result = importModelSpec(readFileSync(path.join(source, 'model_spec.md'), 'utf8'), { examples, version: release });
  mkdirSync(dir, { recursive: true });
  for (const file of result.files) writeFileSync(path.join(dir, file.path), edit ? edit(file.path, file.content) : file.content);
  writeFileSync(path.join(dir, 'spec.config.json'), JSON.stringify(result.config, null, 2));
  return loadVersion(dir, release);
}

/** Examples of the spec text; eval prompts imported from examples/ carry a `group`. */
const inSpec = (spec: VersionedSpec) => (id: string) => !spec.spec.examples[id]?.attributes?.group;

describe.runIf(available)('2025-04-11 → 2025-09-12 of the OpenAI Model Spec', () => {
  const work = tempDir('corpus');
  const april = imported('2025-04-11', path.join(work, '2025-04-11'));
  const september = imported('2025-09-12', path.join(work, '2025-09-12'));
  const diff = diffReleases(april, september);
  const json = changesJson(diff);

  it('sections: 5 ids gone and 11 new (upstream declares no renames: no `oldids`)', () => {
    expect([...json.sections.removed].sort()).toEqual(['approachable', 'be_empathetic', 'be_engaging', 'be_kind', 'protect_privileged_messages']);
    expect([...json.sections.added].sort()).toEqual([
      'be_curious',
      'be_interesting_and_interested',
      'be_responsible',
      'be_warm',
      'control_side_effects',
      'have_conversational_sense',
      'love_humanity',
      'no_other_objectives',
      'protect_privileged_information',
      'red_line_principles',
      'scope_of_autonomy',
    ]);
    expect(json.sections.renamed).toEqual([]);
  });

  it('sections: 2 retitled, 3 moved out of the dropped chapter "Be approachable"', () => {
    expect(json.sections.retitled).toEqual([
      {
        id: 'ask_clarifying_questions',
        from: 'State assumptions, and ask clarifying questions when appropriate',
        to: 'Consider uncertainty, state assumptions, and ask clarifying questions when appropriate',
      },
      { id: 'refusal_style', from: 'Refuse neutrally and succinctly', to: 'When appropriate, be helpful when refusing' },
    ]);
    expect(json.sections.moved.map(({ id, from, to }) => [id, from.chapter, to.chapter, from.parent, to.parent]).sort()).toEqual([
      ['avoid_being_condescending', 'approachable', 'style', 'approachable', 'style'],
      ['be_rationally_optimistic', 'approachable', 'style', 'approachable', 'style'],
      ['do_not_make_unprompted_personal_comments', 'approachable', 'style', 'approachable', 'style'],
    ]);
  });

  it('sections: 19 authority changes by level name, Platform → Root (16) or System (3)', () => {
    const changes = json.sections.authorityChanged;
    expect(changes).toHaveLength(19);
    expect(changes.every((change) => change.from === 'platform')).toBe(true);
    expect(
      changes
        .filter((change) => change.to === 'system')
        .map((change) => change.id)
        .sort(),
    ).toEqual(['comply_with_laws', 'no_erotica_or_gore', 'use_preset_voice_in_voice_mode']);
    expect(changes.filter((change) => change.to === 'root')).toHaveLength(16);
  });

  it('sections: 34 with changed text', () => {
    expect(json.sections.textChanged.map((change) => change.id).sort()).toEqual([
      'ask_clarifying_questions',
      'assume_best_intentions',
      'assume_objective_pov',
      'avoid_errors',
      'avoid_extremist_content',
      'avoid_hateful_content',
      'avoid_info_hazards',
      'avoid_sycophancy',
      'avoid_targeted_political_manipulation',
      'be_honest_and_transparent',
      'be_rationally_optimistic',
      'chain_of_command',
      'comply_with_laws',
      'definitions',
      'do_not_lie',
      'express_uncertainty',
      'follow_all_applicable_instructions',
      'formatting',
      'general_principles',
      'highlight_misalignments',
      'ignore_untrusted_data',
      'letter_and_spirit',
      'levels_of_authority',
      'no_erotica_or_gore',
      'overview',
      'present_perspectives',
      'prohibited_content',
      'refusal_style',
      'respect_creators',
      'risk_taxonomy',
      'stay_in_bounds',
      'structure',
      'style',
      'support_programmatic_use',
    ]);
    const refusal = diff.sections.textChanged.find((change) => change.id === 'refusal_style')!;
    expect(refusal.wordsAdded).toBeGreaterThan(0);
    expect(refusal.parts.some((part) => part.added) && refusal.parts.some((part) => part.removed)).toBe(true);
  });

  it('examples of the spec text: 22 added, 3 removed, 41 changed, 20 moved (5 of them with their section)', () => {
    // The issue counts 23 added and 4 removed by title. One of those is the same example:
    // "user/developer conflict — private prompt" became "user/developer conflict --- private prompt"
    // (the dash written as `---`), which keeps its id, so it is a changed title here, not an
    // addition plus a removal. 154 + 22 − 3 = 173 examples, as in the two sources.
    const added = json.examples.added.filter(inSpec(september));
    const removed = json.examples.removed.filter(inSpec(april));
    expect(added).toHaveLength(22);
    expect(removed.sort()).toEqual([
      'ex_discussing_plans_for_the_immediate_future',
      'ex_platform_developer_conflict_request_that_goes',
      'ex_refusing_to_help_build_a_bomb',
    ]);
    expect(Object.keys(april.spec.examples).filter(inSpec(april))).toHaveLength(154);
    expect(Object.keys(september.spec.examples).filter(inSpec(september))).toHaveLength(173);

    // 40 conversations differ (same title, different fenced block) plus the retitled one.
    const changed = json.examples.changed.filter(({ id }) => inSpec(september)(id));
    expect(changed).toHaveLength(41);
    expect(changed.find((change) => change.id === 'ex_user_developer_conflict_private_prompt')).toEqual({
      id: 'ex_user_developer_conflict_private_prompt',
      aspects: ['title'],
    });
    expect(changed.find((change) => change.id === 'ex_responding_to_user_request_for_erotica')!.aspects).toEqual(['responses', 'rationales']);

    // 4 under protect_privileged_messages → protect_privileged_information, 16 out of "Be approachable".
    const moved = json.examples.moved.filter(({ id }) => inSpec(september)(id));
    expect(moved).toHaveLength(20);
    expect(moved.filter((move) => move.from.section === 'protect_privileged_messages' && move.to.section === 'protect_privileged_information')).toHaveLength(4);
    expect(moved.filter((move) => move.from.chapter === 'approachable' && move.to.chapter === 'style')).toHaveLength(16);
    // An example whose section moved chapter moved with it; one whose section changed moved itself.
    const carried = moved.filter((move) => move.withSection);
    expect(carried.every((move) => move.from.section === move.to.section && move.from.chapter !== move.to.chapter)).toBe(true);
    expect(moved.filter((move) => !move.withSection).every((move) => move.from.section !== move.to.section)).toBe(true);
    const movedSections = new Set(json.sections.moved.filter((move) => move.from.chapter !== move.to.chapter).map((move) => move.id));
    expect(carried).toHaveLength(5);
    expect(carried.every((move) => movedSections.has(move.to.section!))).toBe(true);
  });

  it('declaring the rename with `oldids` turns removed + added into renamed, and its examples stay put', () => {
    const renamed = imported('2025-09-12', path.join(work, '2025-09-12-renamed'), (_file, content) =>
      content.replace('::section{#protect_privileged_information', '::section{#protect_privileged_information oldids="protect_privileged_messages"'),
    );
    const withRename = changesJson(diffReleases(april, renamed));
    expect(withRename.sections.renamed).toEqual([{ from: 'protect_privileged_messages', to: 'protect_privileged_information', merged: false }]);
    expect(withRename.sections.removed).not.toContain('protect_privileged_messages');
    expect(withRename.sections.added).not.toContain('protect_privileged_information');
    expect(withRename.counts.sections).toMatchObject({ added: 10, removed: 4, renamed: 1 });
    expect(withRename.examples.moved.filter((move) => move.from.section === 'protect_privileged_messages')).toEqual([]);
  });

  it('continuity: each id 2025-04-11 published and 2025-09-12 lost is reported where 2025-04-11 defines it', () => {
    const releases = [publishedIds('2025-04-11', april.spec, 'releases/2025-04-11'), publishedIds('2025-09-12', september.spec, 'releases/2025-09-12')];
    const files = checkContinuity({ releases, latest: { version: '2025-09-12', targets: idTargets(september.spec) }, removals: new Map() });
    const lost = files.flatMap((file) => file.messages.map((message) => /`([^`]+)`/.exec(message.reason)![1]!));
    expect(lost.filter((id) => april.spec.sections.some((section) => section.id === id)).sort()).toEqual(json.sections.removed.slice().sort());
    expect(lost.filter((id) => id in april.spec.examples).sort()).toEqual(json.examples.removed.slice().sort());
    const section = files.flatMap((file) => file.messages).find((message) => message.reason.includes('`protect_privileged_messages`'))!;
    expect(section.file).toMatch(/^releases\/2025-04-11\/\d+-stay-in-bounds\.md$/);
    expect(section.line).toBe(april.spec.sections.find((candidate) => candidate.id === 'protect_privileged_messages')!.source.line);
  });
});
