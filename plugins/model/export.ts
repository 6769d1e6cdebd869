import type { SpecExample, SpecMessage, SpecResponse } from '../remark-spec/index.ts';
import type { SpecModel } from './model.ts';

export const specSchemaVersion = 1;

/** `spec.json`: the section tree and the examples by id, with URLs. */
export function specJson(spec: SpecModel) {
  const { config } = spec;
  const absolute = (href: string) => config.site + href;
  return {
    $schema: `${config.site}${config.base}schemas/spec.schema.json`,
    schemaVersion: specSchemaVersion,
    title: config.title,
    description: config.description,
    version: config.version,
    authorityLevels: config.authorityLevels.map((level, rank) => ({ ...level, rank })),
    chapters: spec.chapters.map((chapter) => ({
      id: chapter.data.sections[0]?.id ?? chapter.slug,
      slug: chapter.slug,
      title: chapter.title,
      file: chapter.file,
      url: absolute(chapter.url),
    })),
    sections: spec.chapters.flatMap((chapter) =>
      chapter.data.sections.map((section) => ({
        id: section.id,
        title: section.title,
        depth: section.depth,
        authority: section.authority,
        authorities: section.authorities,
        parent: section.parent,
        chapter: chapter.slug,
        url: absolute(`${chapter.url}#${section.id}`),
        oldIds: section.oldIds,
        tags: section.tags,
        examples: section.examples,
        text: section.text,
        markdown: section.markdown,
        source: { file: chapter.file, line: section.position.start.line },
      })),
    ),
    examples: Object.fromEntries(
      spec.chapters.flatMap((chapter) =>
        chapter.data.examples.map((example) => [
          example.id,
          {
            id: example.id,
            kind: example.kind,
            title: example.title,
            description: example.description,
            section: example.section,
            authority: example.authority,
            chapter: chapter.slug,
            url: absolute(`${chapter.url}#${example.id}`),
            attributes: example.attributes,
            turns: example.turns.map(turnJson),
            source: { file: chapter.file, line: example.position.start.line },
          },
        ]),
      ),
    ),
  };
}

function turnJson(turn: SpecMessage | SpecResponse) {
  const common = { content: turn.content, attributes: turn.attributes, settings: turn.settings, untrusted: turn.untrusted };
  return turn.kind === 'message'
    ? { kind: turn.kind, role: turn.role, ...common }
    : { kind: turn.kind, role: 'assistant', grade: turn.grade, rationale: turn.rationale, comparison: turn.comparison, ...common };
}

/** A message as an eval harness wants it: role, content, attributes. */
function chatMessage(turn: SpecMessage | SpecResponse) {
  const role = turn.kind === 'message' ? turn.role : 'assistant';
  return {
    role,
    content: turn.content,
    ...(Object.keys(turn.attributes).length ? { attributes: turn.attributes } : {}),
    ...(Object.keys(turn.settings).length ? { settings: turn.settings } : {}),
  };
}

/**
 * `examples.jsonl`: one line per graded point of an example — the conversation up to it and the
 * graded responses there — so "given these messages, is this response compliant?" is one line.
 * Eval prompts (no grades) give one line with their messages and no responses.
 */
export function exampleRecords(spec: SpecModel) {
  const records = [];
  for (const chapter of spec.chapters) {
    for (const example of chapter.data.examples) records.push(...recordsOf(example, chapter.slug, spec.config.site + chapter.url));
  }
  return records;
}

function recordsOf(example: SpecExample, chapter: string, pageUrl: string) {
  const records = [];
  const messages: Array<ReturnType<typeof chatMessage>> = [];
  const comparisons = new Map<number, SpecResponse[]>();
  const contextAt = new Map<number, Array<ReturnType<typeof chatMessage>>>();
  for (const turn of example.turns) {
    if (turn.kind === 'message') {
      // The conversation goes on from the first (preferred) response of the comparison before it.
      messages.push(chatMessage(turn));
      continue;
    }
    if (!comparisons.has(turn.comparison)) {
      comparisons.set(turn.comparison, []);
      contextAt.set(turn.comparison, [...messages]);
      messages.push(chatMessage(turn));
    }
    comparisons.get(turn.comparison)!.push(turn);
  }
  const base = {
    example: example.id,
    kind: example.kind,
    title: example.title,
    section: example.section,
    authority: example.authority,
    chapter,
    url: `${pageUrl}#${example.id}`,
  };
  if (comparisons.size === 0) {
    records.push({ id: example.id, ...base, comparison: null, messages: [...messages], responses: [] });
  }
  for (const [index, responses] of comparisons) {
    records.push({
      id: comparisons.size > 1 ? `${example.id}#${index + 1}` : example.id,
      ...base,
      comparison: index,
      messages: contextAt.get(index)!,
      responses: responses.map((response) => ({
        grade: response.grade,
        rationale: response.rationale,
        content: response.content,
        ...(Object.keys(response.attributes).length ? { attributes: response.attributes } : {}),
      })),
    });
  }
  return records;
}

/** One JSON line per record; a spec without examples gives an empty file, not a blank line. */
export function examplesJsonl(spec: SpecModel, records = exampleRecords(spec)): string {
  return records.map((record) => JSON.stringify(record) + '\n').join('');
}
