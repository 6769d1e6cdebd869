import type { ImportContext, SourceLine } from './context.ts';
import type { ImportedAuthorityLevel } from './types.ts';

/**
 * Authority levels, highest rank first. Upstream renamed `platform` (2025-02-12, 2025-04-11) to
 * `root` and added `system` (2025-09-12); both `root` and `platform` are the top rank.
 */
const rank = ['root', 'platform', 'system', 'developer', 'user', 'guideline'];

const fallbackDescriptions: Record<string, string> = {
  root: 'Fundamental rules that cannot be overridden by system messages, developers or users.',
  platform: 'Rules that cannot be overridden by developers or users.',
  system: 'Rules that can be transmitted or overridden through system messages, but not by developers or users.',
  developer: 'Instructions given by developers; they override user and guideline defaults.',
  user: 'Instructions from end users; they override guideline defaults.',
  guideline: 'Defaults that can be overridden implicitly, by context.',
};

const levelBullet = /^\s*[-*+]\s+\*\*([A-Za-z][\w-]*)\*\*\s*:\s*(.+?)\s*$/;

/**
 * The levels a release uses (`authority=` on its headings) together with the ones its own text
 * defines in a `- **Level**: description` list, ranked; descriptions come from that list when it
 * has one, labels are the capitalized names.
 */
export function authorityLevels(used: ReadonlyMap<string, number>, lines: readonly SourceLine[], context: ImportContext): ImportedAuthorityLevel[] {
  const described = new Map<string, string>();
  for (const { text } of lines) {
    const match = levelBullet.exec(text);
    if (!match) continue;
    const name = match[1]!.toLowerCase();
    if (!rank.includes(name) && !used.has(name)) continue;
    if (!described.has(name)) described.set(name, firstSentence(plainInline(match[2]!)));
  }
  const names = new Set([...used.keys(), ...described.keys()]);
  const ordered = [...names].sort((a, b) => order(a, used) - order(b, used));
  for (const name of ordered) {
    if (!rank.includes(name)) {
      context.warn(used.get(name) ?? 1, `Unknown authority level \`${name}\`; declared after the known levels, check its rank in spec.config.json`);
    }
  }
  return ordered.map((name) => ({
    name,
    label: name.charAt(0).toUpperCase() + name.slice(1),
    description: described.get(name) ?? fallbackDescriptions[name] ?? `Sections marked \`${name}\` upstream.`,
  }));
}

function order(name: string, used: ReadonlyMap<string, number>): number {
  const index = rank.indexOf(name);
  return index >= 0 ? index : rank.length + (used.get(name) ?? 0) / 1e7;
}

/** Markdown inline reduced to plain text: links to their text, emphasis and code marks dropped. */
export function plainInline(text: string): string {
  return text
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(?=\S)([^*_`]*?\S)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(\s|$)/.exec(text);
  return match ? match[1]! : text;
}

/** The first paragraph of prose, as plain text, cut at a sentence end within ~300 characters. */
export function describe(lines: readonly SourceLine[]): string {
  const paragraph: string[] = [];
  for (const { text } of lines) {
    if (text.trim() === '') {
      if (paragraph.length > 0) break;
      continue;
    }
    if (/^\s*(#|[-*+]\s|\d+[.)]\s|>|!!!|~~~|```|\||\*\*Example)/.test(text)) {
      if (paragraph.length > 0) break;
      continue;
    }
    paragraph.push(text.trim());
  }
  const plain = plainInline(paragraph.join(' '));
  if (plain.length <= 300) return plain;
  const sentences = plain.match(/[^.!?]+[.!?]+(\s|$)/g) ?? [plain];
  let result = '';
  for (const sentence of sentences) {
    if (result && (result + sentence).length > 300) break;
    result += sentence;
  }
  return result.trim();
}
