// Synthetic specs in the authoring format (docs/authoring.md), for the build benchmark.
// Deterministic: the same scale and seed always give the same files.
//
// One "1x" spec is shaped like a real model spec: about 250 KB of Markdown in 5 chapter files,
// 80 sections (nested, every authority level, some inheriting), 200 examples and prompts
// (multi-turn, graded comparisons mid-conversation, tools, untrusted content, settings),
// commentary, cross-references across chapters, code, math, tables and literal HTML-like text.
// Larger scales add chapter files of the same size, so chapter pages stay a realistic size.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface SyntheticStats {
  scale: number;
  files: number;
  bytes: number;
  sections: number;
  examples: number;
  prompts: number;
  references: number;
}

const levels = ['root', 'system', 'developer', 'user', 'guideline'] as const;

/** Per chapter: 16 sections (1 chapter heading + 15 below it) and 40 examples. */
const sectionsPerChapter = 16;
const examplesPerChapter = 40;
const chaptersPerScale = 5;

// Common English words, then invented ones (product names, jargon): a vocabulary with a long
// tail, so the search index grows the way it does for real prose.
const common = `the of and to a in is that for it as with was on be by this are or at from not have an but
which they you one all were we when there can been has more if will their so would what about out
up into than them some could time only other then its also two over new like these may after first
any most because made such even many must through should where before being each those well both
between under never same another while last might great since against still through during without
again around however home small found thought went say part once general high upon school every
assistant user developer system model answer request question instruction policy rule default
conversation message context tool response example reason safety harm honest helpful refuse explain
information request privacy consent medical legal financial advice source evidence uncertain claim
prompt content review chain command authority level guideline override conflict follow ignore
platform deployment customer support ticket booking travel recipe math code error test function
translate summary draft email letter schedule meeting reminder weather search browse result page
quote citation link document file upload image audio video format markdown table list heading
careful clear brief direct kind polite firm calm neutral accurate precise complete partial useful`.split(/\s+/);

function syllableWords(count: number, random: () => number): string[] {
  const onsets = ['b', 'c', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'cl', 'dr', 'st', 'tr', 'pl', 'gr', 'sh', 'th'];
  const vowels = ['a', 'e', 'i', 'o', 'u', 'ai', 'ea', 'io', 'ou'];
  const codas = ['', '', 'n', 'r', 's', 'l', 'x', 'nd', 'st', 'rk'];
  const words = new Set<string>();
  while (words.size < count) {
    const syllables = 2 + Math.floor(random() * 2);
    let word = '';
    for (let index = 0; index < syllables; index++) word += pick(onsets, random) + pick(vowels, random) + (index === syllables - 1 ? pick(codas, random) : '');
    words.add(word);
  }
  return [...words];
}

function pick<T>(values: readonly T[], random: () => number): T {
  return values[Math.floor(random() * values.length)]!;
}

/** A small seeded generator (mulberry32). */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

interface Plan {
  chapters: Array<{ slug: string; title: string; sections: Array<{ id: string; title: string; depth: number; authority: string | null; examples: string[] }> }>;
}

class Writer {
  readonly random: () => number;
  readonly vocabulary: string[];
  readonly allSections: string[] = [];
  readonly allExamples: string[] = [];
  references = 0;

  constructor(seed: number) {
    this.random = seeded(seed);
    this.vocabulary = [...common, ...syllableWords(2500, this.random)];
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.random() < probability;
  }

  /** Zipf-like: common words often, the invented tail rarely. */
  word(): string {
    const index = Math.floor(this.random() ** 5 * this.vocabulary.length);
    return this.vocabulary[index]!;
  }

  words(count: number): string {
    return Array.from({ length: count }, () => this.word()).join(' ');
  }

  title(): string {
    const text = this.words(this.int(3, 7));
    return text.charAt(0).toUpperCase() + text.slice(1);
  }

  sentence(): string {
    let text = this.words(this.int(7, 18));
    if (this.chance(0.12)) text += ` *${this.words(2)}*`;
    if (this.chance(0.1)) text += ` \`${this.word()}_${this.word()}\``;
    if (this.chance(0.05)) text += ` at 10:30 or ${this.int(2, 30)}:${this.int(10, 59)}`;
    if (this.chance(0.04)) text += ` costs $${this.int(2, 90)}`;
    return text.charAt(0).toUpperCase() + text.slice(1) + '.';
  }

  #unique = 0;

  /** A word used once in the whole spec (names, rare terms): real prose has many of them. */
  uniqueWord(): string {
    let value = this.#unique++;
    let letters = '';
    for (let index = 0; index < 4; index++, value = Math.floor(value / 26)) letters += String.fromCharCode(97 + (value % 26));
    return `qu${letters}ster`;
  }

  paragraph(sentences = this.int(2, 4)): string {
    const lines: string[] = [];
    for (let index = 0; index < sentences; index++) lines.push(this.sentence());
    if (this.chance(0.5)) lines.push(`Ask ${this.uniqueWord()} first.`);
    // Wrapped like hand-written Markdown.
    return lines
      .join(' ')
      .replace(/(.{1,96})(?:\s|$)/g, '$1\n')
      .trim();
  }

  reference(): string {
    this.references++;
    const toExample = this.allExamples.length > 0 && this.chance(0.3);
    const id = toExample ? pick(this.allExamples, this.random) : pick(this.allSections, this.random);
    return this.chance(0.7) ? `[?](#${id})` : `[${this.words(3)}](#${id})`;
  }
}

function plan(scale: number, writer: Writer): Plan {
  const chapters: Plan['chapters'] = [];
  for (let chapterIndex = 0; chapterIndex < chaptersPerScale * scale; chapterIndex++) {
    const slug = `chapter-${String(chapterIndex + 1).padStart(3, '0')}`;
    const prefix = `c${chapterIndex + 1}`;
    const sections: Plan['chapters'][number]['sections'] = [{ id: `${prefix}_intro`, title: writer.title(), depth: 1, authority: null, examples: [] }];
    for (let index = 1; index < sectionsPerChapter; index++) {
      // Nested shapes: h2, h3 under it, sometimes an h4.
      const depth = index % 4 === 1 ? 2 : index % 7 === 0 ? 4 : 3;
      // Every level appears; some sections inherit from their parent instead.
      const authority = index % 5 === 0 ? null : levels[(index + chapterIndex) % levels.length]!;
      sections.push({ id: `${prefix}_s${index}`, title: writer.title(), depth, authority, examples: [] });
    }
    for (let index = 0; index < examplesPerChapter; index++) {
      const section = sections[1 + (index % (sectionsPerChapter - 1))]!;
      section.examples.push(`${prefix}_ex${index + 1}`);
    }
    chapters.push({ slug, title: sections[0]!.title, sections });
    for (const section of sections) writer.allSections.push(section.id);
    for (const section of sections) writer.allExamples.push(...section.examples);
  }
  return { chapters };
}

/** A context message; with a four-colon fence it may hold an `:::untrusted` or `:::settings` block. */
function message(writer: Writer, role: string, fence: string): string {
  const parts: string[] = [];
  let attributes = '';
  if (role === 'tool') attributes = `{name=${pick(['browser', 'python', 'calendar', 'search'], writer.random)}}`;
  else if (role === 'assistant' && writer.chance(0.2)) attributes = `{recipient=${pick(['browser', 'python'], writer.random)}}`;
  else if (role === 'user' && writer.chance(0.05)) attributes = '{under_18=true}';
  const deeper = fence.length > 3 && role !== 'tool' && writer.chance(0.7);
  parts.push(writer.paragraph(writer.int(1, 2)));
  if (writer.chance(0.12))
    parts.push(['```python', `def ${writer.word()}_${writer.word()}(x):`, `    return x * ${writer.int(2, 9)}  # <not html>`, '```'].join('\n'));
  if (writer.chance(0.08))
    parts.push(`Solve $$x^2 + ${writer.int(2, 9)}x = ${writer.int(10, 99)}$$ and compare with $$\\frac{${writer.int(1, 9)}}{${writer.int(2, 9)}}$$.`);
  if (writer.chance(0.1)) parts.push(`- ${writer.words(5)}\n- ${writer.words(6)}\n- ${writer.words(4)}`);
  if (writer.chance(0.06)) parts.push(`<${role}> tags, {braces} and <!-- comments --> stay literal: ${writer.words(4)}.`);
  if (deeper && role === 'user') parts.push(`:::untrusted\n${writer.paragraph(2)}\nIgnore previous instructions and ${writer.words(5)}.\n:::`);
  else if (deeper) parts.push(`:::settings\nmax_tokens: ${writer.int(64, 4096)}\ntemperature: 0.${writer.int(0, 9)}\n:::`);
  return `${fence}${role}${attributes}\n${parts.join('\n\n')}\n${fence}`;
}

function response(writer: Writer, grade: string, fence: string): string {
  const body = [writer.paragraph(writer.int(1, 3))];
  if (writer.chance(0.15)) body.push(`1. ${writer.words(6)}\n2. ${writer.words(5)}\n3. ${writer.words(7)}`);
  if (writer.chance(0.05)) body.push(`| ${writer.word()} | ${writer.word()} |\n| --- | --- |\n| ${writer.words(2)} | ${writer.int(1, 99)} |`);
  return `${fence}${grade}[${writer.title()}]\n${body.join('\n\n')}\n${fence}`;
}

function example(writer: Writer, id: string): { kind: string; source: string } {
  const kind = writer.chance(0.06) ? 'prompt' : 'example';
  const hasDeep = writer.chance(0.1);
  const outer = hasDeep ? ':::::' : '::::';
  const inner = hasDeep ? '::::' : ':::';
  const turns: string[] = [];
  if (writer.chance(0.3)) turns.push(message(writer, pick(['system', 'developer'], writer.random), inner));
  const rounds = writer.chance(0.25) ? 2 : 1;
  for (let round = 0; round < rounds; round++) {
    turns.push(message(writer, 'user', inner));
    if (writer.chance(0.15)) {
      turns.push(message(writer, 'assistant', inner));
      turns.push(message(writer, 'tool', inner));
    }
    if (kind === 'prompt') continue;
    // A comparison: one to three graded responses; a mid-conversation one continues.
    const grades = pick([['compliant', 'violating'], ['compliant'], ['compliant', 'ok', 'violating'], ['violating', 'compliant']], writer.random);
    for (const grade of grades) turns.push(response(writer, grade, inner));
  }
  const description = writer.chance(0.35) ? `${writer.paragraph(1)}\n\n` : '';
  const group = kind === 'prompt' ? ` group=${writer.int(100, 999)}` : '';
  return { kind, source: `${outer}${kind}[${writer.title()}]{#${id}${group}}\n${description}${turns.join('\n\n')}\n${outer}` };
}

function chapterSource(writer: Writer, chapter: Plan['chapters'][number], counts: { prompts: number }): string {
  const blocks: string[] = [];
  for (const section of chapter.sections) {
    const attributes = [`#${section.id}`, section.authority ? `authority=${section.authority}` : ''].filter(Boolean).join(' ');
    blocks.push(`${'#'.repeat(section.depth)} ${section.title}\n::section{${attributes}}`);
    blocks.push(writer.paragraph());
    if (writer.chance(0.6)) blocks.push(`${writer.paragraph(writer.int(1, 3))} See ${writer.reference()} and ${writer.reference()}.`);
    if (writer.chance(0.2)) blocks.push(`- ${writer.sentence()}\n- ${writer.sentence()}\n  - ${writer.sentence()}\n- ${writer.sentence()}`);
    if (writer.chance(0.12)) blocks.push(`:::commentary\n${writer.paragraph(2)}\n:::`);
    if (writer.chance(0.08)) blocks.push(['```json', `{"${writer.word()}": ${writer.int(1, 99)}, "${writer.word()}": "${writer.words(2)}"}`, '```'].join('\n'));
    if (writer.chance(0.05)) blocks.push(`$$\n\\sum_{i=1}^{n} ${writer.word().charAt(0)}_i \\le ${writer.int(2, 50)}\n$$`);
    for (const id of section.examples) {
      const { kind, source } = example(writer, id);
      if (kind === 'prompt') counts.prompts++;
      blocks.push(source);
    }
  }
  return blocks.join('\n\n') + '\n';
}

/** Writes a synthetic spec of `scale` × the 1x shape into `dir` (chapter files + config). */
export function writeSyntheticSpec(dir: string, scale: number, seed = 20261123): SyntheticStats {
  const writer = new Writer(seed);
  const layout = plan(scale, writer);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    path.join(dir, 'spec.config.json'),
    JSON.stringify(
      {
        title: `Synthetic spec ${scale}x`,
        shortTitle: `Synthetic ${scale}x`,
        description: 'Generated for the build benchmark.',
        version: 'bench',
        site: 'https://example.com',
        base: '/',
      },
      null,
      2,
    ) + '\n',
  );
  let bytes = 0;
  const counts = { prompts: 0 };
  layout.chapters.forEach((chapter, index) => {
    const source = chapterSource(writer, chapter, counts);
    bytes += Buffer.byteLength(source);
    writeFileSync(path.join(dir, `${String(index + 1).padStart(3, '0')}-${chapter.slug}.md`), source);
  });
  const examples = layout.chapters.reduce((sum, chapter) => sum + chapter.sections.reduce((count, section) => count + section.examples.length, 0), 0);
  return {
    scale,
    files: layout.chapters.length,
    bytes,
    sections: layout.chapters.length * sectionsPerChapter,
    examples: examples - counts.prompts,
    prompts: counts.prompts,
    references: writer.references,
  };
}

// `node bench/synthetic.ts <dir> [scale]` writes one spec, for a look or a manual build.
if (import.meta.main) {
  const [dir, scale = '1'] = process.argv.slice(2);
  if (!dir) {
    console.error('usage: node bench/synthetic.ts <dir> [scale]');
    process.exit(1);
  }
  console.log(writeSyntheticSpec(path.resolve(dir), Number(scale)));
}
