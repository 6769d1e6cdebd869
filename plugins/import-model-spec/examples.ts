import type { ImportContext, SourceLine } from './context.ts';
import { slugify } from './ids.ts';
import { escapeLabel, fenceColons, formatAttributes, isBlank, trimBlankLines } from './markdown.ts';
import { convertInlineMath } from './math.ts';
import { convertText } from './prose.ts';
import { collectReferences } from './references.ts';

/**
 * Upstream examples are `~~~xml` fences of message tags:
 *
 *     <developer>…</developer>
 *     <user>…</user>
 *     <comparison>
 *     <assistant> <!-- GOOD: reason -->…</assistant>
 *     <assistant> <!-- BAD[#section]: reason -->…</assistant>
 *     </comparison>
 *
 * Each tag becomes a message directive, graded assistants become `:::compliant[reason]`,
 * `:::violating[reason]` or `:::ok[reason]`, `<untrusted>` / `<settings>` inside a message become
 * nested containers. Message text is kept as written; see `escapeDirectiveLine` and the colon
 * counting below for how it is kept from closing or opening containers.
 */

export const roles = ['system', 'developer', 'user', 'assistant', 'tool'] as const;
export type Role = (typeof roles)[number];
export type Grade = 'compliant' | 'violating' | 'ok';

const gradeOf: Record<string, Grade> = { GOOD: 'compliant', BAD: 'violating', OK: 'ok' };

/** An example as found in the source: its title line, optional description and the fence body. */
export interface ExampleSource {
  /** Line of the `**Example**:` title (or of the fence when there is no title). */
  line: number;
  /** The title as written (Markdown), or null for a bare `~~~xml` fence. */
  title: string | null;
  description: SourceLine[];
  /** Lines between the fences, de-indented. */
  body: SourceLine[];
}

interface Part {
  kind: 'text' | 'untrusted' | 'settings';
  lines: SourceLine[];
  line: number;
}

export interface Turn {
  role: Role;
  /** The tag as written (`User`, `function`), which its closing tag repeats. */
  tag: string;
  attributes: Array<[string, string]>;
  grade: Grade | null;
  rationale: string;
  parts: Part[];
  line: number;
}

export interface Conversation {
  turns: Turn[];
  /** Lines outside any message (kept, moved into the description). */
  stray: SourceLine[];
}

// Attributes as HTML writes them: `key="value"`, `key='value'`, `key=value`, or a bare `key` (a
// boolean attribute such as `end_turn`, read as an empty value, which the site shows as the key).
const attributeSource = `\\s+[\\w:.-]+(?:\\s*=\\s*(?:"[^"]*"|'[^']*'|[^\\s>]+))?`;
// Any tag: role tags in any case, and tags we do not know, which stay in place as messages.
const openTag = new RegExp(`^\\s*(?:([*_]+)\\s*)?<([A-Za-z][\\w.:-]*)((?:${attributeSource})*)\\s*>(.*)$`);
const comparisonTag = /^\s*(?:([*_]+)\s*)?<(\/?)(comparison)\s*>\s*$/i;
const nestedTag = new RegExp(`^\\s*<(\\/?)(untrusted|settings)((?:${attributeSource})*)\\s*>\\s*$`, 'i');
const attributePattern = /([\w:.-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function closeTag(tag: string): RegExp {
  return new RegExp(`^(.*?)\\s*(?:[*_]+\\s*)?</${tag.replace(/[.]/g, '\\.')}\\s*>\\s*$`, 'i');
}

function readAttributes(source: string): Array<[string, string]> {
  return [...source.matchAll(attributePattern)].map((match) => [match[1]!, match[2] ?? match[3] ?? match[4] ?? '']);
}

/**
 * The role of a tag our format does not know, so its text stays where upstream put it: tools and
 * function calls or results are `tool` messages (also anything else: the role that claims least).
 */
function roleForUnknownTag(tag: string): Role {
  const name = tag.toLowerCase();
  if (/^(human|person|customer)$/.test(name)) return 'user';
  if (/^(ai|bot|chatbot|model|gpt|chatgpt)$/.test(name)) return 'assistant';
  if (/^(platform|root|openai)$/.test(name)) return 'system';
  return 'tool';
}

/** Reads the tags of one `~~~xml` body into turns. */
export function parseConversation(body: readonly SourceLine[], context: ImportContext): Conversation {
  const turns: Turn[] = [];
  const stray: SourceLine[] = [];
  let inComparison = false;
  let current: Turn | null = null;
  let nested: Part | null = null;
  let lastWasGraded = false;
  /** A grade comment opened (`<!--`) but not yet closed, with the line it started on. */
  let comment: { text: string; line: number; onTag: boolean } | null = null;

  /** Checks a turn's grade against the comparison it is in. */
  const checkGrade = (turn: Turn) => {
    if (turn.grade && !inComparison) {
      context.warn(turn.line, 'Graded response outside `<comparison>`; kept as a graded response');
    } else if (!turn.grade && inComparison && turn.role === 'assistant') {
      context.warn(turn.line, 'Ungraded `<assistant>` inside `<comparison>`; written as a plain `:::assistant` message');
    }
  };
  // Turns graded on their tag line are checked there; the others once their first line is read.
  const checked = new Set<Turn>();
  const pushTurn = (turn: Turn) => {
    if (!checked.has(turn)) checkGrade(turn);
    turns.push(turn);
    lastWasGraded = turn.grade !== null;
  };

  const strayMarker = (marker: string | undefined, line: number, tag: string) => {
    if (marker) context.warn(line, `Stray \`${marker}\` before \`${tag}\`; read as the tag`);
  };

  for (let source of body) {
    let { text } = source;
    const { line } = source;
    if (current) {
      if (comment) {
        // A comment spanning lines ends at `-->`; what follows it is message text.
        const end = text.indexOf('-->');
        if (end >= 0) {
          const whole = `${comment.text}\n${text.slice(0, end)}`;
          if (comment.onTag || isGrade(whole)) readComment(current, whole, comment.line, context);
          else addText(current, { text: `<!--${whole}-->`, line: comment.line });
          comment = null;
          const rest = text.slice(end + 3).trimStart();
          if (!rest.trim()) continue;
          source = { text: rest, line };
          text = rest;
        } else if (closeTag(current.tag).test(text)) {
          context.warn(comment.line, `\`<!--\` not closed by \`-->\` before \`</${current.tag}>\`; kept as message text`);
          addText(current, { text: `<!--${comment.text}`, line: comment.line });
          comment = null;
        } else {
          comment.text += `\n${text}`;
          continue;
        }
      } else if (current.grade === null && !current.attributes.some(([name]) => name === 'comment') && !hasText(current)) {
        // A grade comment may also be the first thing in the message, on a line of its own.
        const start = /^\s*<!--([\s\S]*)$/.exec(text);
        if (start) {
          const end = start[1]!.indexOf('-->');
          if (end < 0 && /^\s*(GOOD|BAD|OK)\b/.test(start[1]!)) {
            comment = { text: start[1]!, line, onTag: false };
            continue;
          }
          if (end >= 0 && isGrade(start[1]!.slice(0, end))) {
            readComment(current, start[1]!.slice(0, end), line, context);
            const rest = start[1]!.slice(end + 3);
            if (!rest.trim()) continue;
            source = { text: rest.trimStart(), line };
            text = source.text;
          }
        }
      }
      const close = closeTag(current.tag).exec(text);
      if (close) {
        if (nested) {
          context.warn(nested.line, `\`<${nested.kind}>\` not closed before \`</${current.tag}>\`; closed there`);
          nested = null;
        }
        if (close[1]!.trim()) addText(current, { text: close[1]!, line });
        pushTurn(current);
        current = null;
        continue;
      }
      const tag = nestedTag.exec(text);
      const kind = tag ? (tag[2]!.toLowerCase() as Part['kind']) : undefined;
      if (tag && !tag[1]) {
        if (nested) context.warn(line, `\`<${tag[2]}>\` inside \`<${nested.kind}>\`; read as its text`);
        else {
          lowerCaseTag(tag[2]!, line, context);
          nested = { kind: kind!, lines: [], line };
          current.parts.push(nested);
          keepNestedAttributes(current, kind!, tag[3] ?? '', line, context);
          continue;
        }
      } else if (tag?.[1] && !tag[3]) {
        if (nested && nested.kind === kind) {
          nested = null;
          continue;
        }
        context.warn(line, `\`</${tag[2]}>\` without its opening tag; kept as message text`);
      }
      if (nested) nested.lines.push(source);
      else addText(current, source);
      continue;
    }

    const comparison = comparisonTag.exec(text);
    if (comparison) {
      strayMarker(comparison[1], line, `<${comparison[2]}comparison>`);
      lowerCaseTag(comparison[3]!, line, context);
      if (comparison[2]) {
        if (!inComparison) context.warn(line, '`</comparison>` without `<comparison>`; ignored');
        inComparison = false;
      } else {
        if (inComparison) context.warn(line, '`<comparison>` inside a comparison; ignored');
        else if (lastWasGraded) {
          context.warn(line, 'Two comparisons in a row: our format reads consecutive graded responses as one comparison, so they merge');
        }
        inComparison = true;
      }
      continue;
    }

    const open = openTag.exec(text);
    if (open) {
      const tagName = open[2]!;
      strayMarker(open[1], line, `<${tagName}>`);
      const known = (roles as readonly string[]).includes(tagName.toLowerCase());
      const role = known ? (tagName.toLowerCase() as Role) : roleForUnknownTag(tagName);
      const turn: Turn = { role, tag: tagName, attributes: [], grade: null, rationale: '', parts: [], line };
      if (known) lowerCaseTag(tagName, line, context);
      else {
        // Moving its text out of the conversation would change the order of the exchange: it stays
        // in place, as a message whose `tag` attribute shows what upstream wrote.
        turn.attributes.push(['tag', tagName]);
        const closes = body.some((later) => later.line > line && closeTag(tagName).test(later.text)) || closeTag(tagName).test(open[4] ?? '');
        context.warn(
          line,
          `Unexpected tag \`<${tagName}>\` in an example, expected one of ${roles.map((name) => `\`<${name}>\``).join(', ')}; kept in place as a \`:::${role}\` message with \`tag=${tagName}\`` +
            (closes ? '' : ' (it is never closed: the message holds this line, as written)'),
        );
        if (!closes) {
          // No closing tag: taking the following lines in would swallow the next messages.
          addText(turn, { text: text.trim(), line });
          pushTurn(turn);
          continue;
        }
      }
      turn.attributes.push(...readAttributes(open[3] ?? ''));
      let rest = open[4] ?? '';
      const onTag = /^\s*<!--([\s\S]*?)-->(.*)$/.exec(rest);
      if (onTag) {
        readComment(turn, onTag[1]!, line, context);
        rest = onTag[2]!;
        checkGrade(turn);
        checked.add(turn);
      } else if (/^\s*<!--/.test(rest)) {
        // `<assistant> <!-- GOOD: a reason` that goes on over the next lines.
        comment = { text: rest.replace(/^\s*<!--/, ''), line, onTag: true };
        current = turn;
        continue;
      }
      const single = closeTag(turn.tag).exec(rest);
      if (single) {
        if (single[1]!.trim()) addText(turn, { text: single[1]!.trim(), line });
        pushTurn(turn);
        continue;
      }
      if (rest.trim()) addText(turn, { text: rest.trim(), line });
      current = turn;
      continue;
    }

    if (isBlank(text)) continue;
    context.warn(
      line,
      `Text outside any message in an example: \`${text.trim().slice(0, 60)}\`; kept in the example's description (upstream's rendering drops it)`,
    );
    stray.push(source);
  }

  if (current) {
    if (comment) {
      context.warn(comment.line, `\`<!--\` not closed by \`-->\` before the end of the example; kept as message text`);
      addText(current, { text: `<!--${comment.text}`, line: comment.line });
    }
    context.warn(current.line, `\`<${current.tag}>\` is not closed before the end of the example; closed there`);
    pushTurn(current);
  }
  if (inComparison) context.warn(body[body.length - 1]?.line ?? 0, '`<comparison>` is not closed before the end of the example');
  return { turns, stray };
}

/** A tag we know written in capitals (`<User>`) is read as that tag, with a warning. */
function lowerCaseTag(tag: string, line: number, context: ImportContext): void {
  if (tag !== tag.toLowerCase())
    context.warn(line, `Unexpected \`<${tag}>\`, expected lower-case \`<${tag.toLowerCase()}>\`; read as \`<${tag.toLowerCase()}>\``);
}

/**
 * Our `:::untrusted` / `:::settings` take no attributes and the site would not show them there:
 * upstream's (`<untrusted source="web">`) go on the message as `untrusted_source=web`, shown with it.
 */
function keepNestedAttributes(turn: Turn, kind: Part['kind'], source: string, line: number, context: ImportContext): void {
  for (const [name, value] of readAttributes(source)) {
    let key = `${kind}_${name.replace(/[^\w-]/g, '_')}`;
    for (let n = 2; turn.attributes.some(([existing]) => existing === key); n++) key = `${kind}_${name.replace(/[^\w-]/g, '_')}_${n}`;
    turn.attributes.push([key, value]);
    context.warn(
      line,
      `Unexpected attribute \`${name}${value ? `="${value}"` : ''}\` on \`<${kind}>\`, expected none (\`:::${kind}\` takes no attributes); kept on the message as \`${key}\``,
    );
  }
}

function addText(turn: Turn, line: SourceLine): void {
  const last = turn.parts[turn.parts.length - 1];
  if (last && last.kind === 'text') last.lines.push(line);
  else turn.parts.push({ kind: 'text', lines: [line], line: line.line });
}

function hasText(turn: Turn): boolean {
  return turn.parts.some((part) => part.kind !== 'text' || part.lines.some((entry) => !isBlank(entry.text)));
}

const gradePattern = /^\s*(GOOD|BAD|OK)\b\s*(?:\[#([^\]\s]+)\])?\s*(?:[:,]\s*([\s\S]*?))?\s*$/;
const isGrade = (comment: string) => gradePattern.test(comment);

/** `GOOD`, `BAD: reason`, `OK, reason`, `BAD[#section]: reason` → grade and rationale. */
function readComment(turn: Turn, comment: string, line: number, context: ImportContext): void {
  const match = gradePattern.exec(comment);
  if (!match) {
    context.warn(line, `Comment \`<!--${comment}-->\` on \`<${turn.tag}>\` is not a grade; kept as its \`comment\` attribute`);
    turn.attributes.push(['comment', comment.replace(/\s*\n\s*/g, ' ').trim()]);
    return;
  }
  if (turn.role !== 'assistant') {
    context.warn(line, `Grade on a \`<${turn.tag}>\` message (only assistant responses are graded); kept as its \`comment\` attribute`);
    turn.attributes.push(['comment', comment.replace(/\s*\n\s*/g, ' ').trim()]);
    return;
  }
  turn.grade = gradeOf[match[1]!]!;
  // A reason written over several lines is one label.
  const reason = (match[3] ?? '').replace(/\s*\n\s*/g, ' ').trim();
  const section = match[2];
  let rationale = reason;
  if (section) {
    const link = `[?](#${section})`;
    const phrase = turn.grade === 'violating' ? 'conflicts with' : 'see';
    rationale = reason ? `${reason}; ${phrase} ${link}` : `${phrase[0]!.toUpperCase()}${phrase.slice(1)} ${link}`;
  }
  turn.rationale = rationale;
}

export interface ExampleMode {
  kind: 'example' | 'prompt';
  /** The id to claim (de-duplicated by the context). */
  id: string;
  /** Attributes after the id (`group=abcd`). */
  attributes: Array<[string, string]>;
}

export interface RenderedExample {
  id: string;
  kind: 'example' | 'prompt';
  lines: string[];
  graded: number;
}

/** Writes one example (or prompt) container in our format. */
export function renderExample(example: ExampleSource, mode: ExampleMode, context: ImportContext): RenderedExample {
  const conversation = parseConversation(example.body, context);
  const graded = conversation.turns.filter((turn) => turn.grade !== null).length;
  let kind = mode.kind;
  if (kind === 'example' && graded === 0) {
    context.warn(example.line, 'Example without a graded response; written as `::::prompt` (our examples need at least one)');
    kind = 'prompt';
  }
  if (conversation.turns.length === 0) context.warn(example.line, 'Example without any message');
  for (const turn of conversation.turns) {
    if (turn.grade === 'compliant') context.counters.good++;
    else if (turn.grade === 'violating') context.counters.bad++;
    else if (turn.grade === 'ok') context.counters.ok++;
  }

  const claimed = context.claimId(mode.id);
  context.claims.push({ id: claimed, wanted: mode.id, line: example.line, file: context.file });
  const id = context.keptIds.get(claimed) ?? claimed;
  const note = context.keptNotes.get(claimed);
  if (note) context.warn(example.line, note);
  const title = collectReferences(
    example.title === null ? 'Untitled example' : officialTitleCase(convertInlineMath(example.title, context, example.line)),
    context,
    example.line,
  );

  const inner: string[] = [];
  const description = trimBlankLines([...example.description, ...conversation.stray]);
  if (description.length > 0) {
    inner.push(...convertText(description, context, { footnotes: true, where: 'an example description' }), '');
  }
  conversation.turns.forEach((turn, index) => {
    if (index > 0) inner.push('');
    inner.push(...renderTurn(turn, context));
  });
  const colons = ':'.repeat(fenceColons(inner, 4));
  const lines = [`${colons}${kind}[${escapeLabel(title)}]${formatAttributes(id, mode.attributes)}`, ...inner, colons];
  return { id, kind, lines, graded };
}

function renderTurn(turn: Turn, context: ImportContext): string[] {
  const body: string[] = [];
  const parts = trimParts(turn.parts);
  for (const part of parts) {
    if (part.kind === 'text') {
      body.push(...convertText(part.lines, context, { footnotes: false, where: 'message' }));
      continue;
    }
    const content = convertText(trimBlankLines(part.lines), context, { footnotes: false, where: 'message' });
    const colons = ':'.repeat(fenceColons(content));
    body.push(`${colons}${part.kind}`, ...content, colons);
  }
  if (body.every(isBlank)) {
    context.warn(turn.line, `Empty \`<${turn.tag}>\` message; wrote \`*(empty)*\` so the example stays valid`);
    body.length = 0;
    body.push('*(empty)*');
  }
  const name = turn.grade ?? turn.role;
  let label = '';
  if (turn.grade && turn.rationale) {
    const rationale = collectReferences(convertInlineMath(turn.rationale, context, turn.line), context, turn.line);
    label = `[${escapeLabel(rationale)}]`;
  }
  const colons = ':'.repeat(fenceColons(body));
  return [`${colons}${name}${label}${formatAttributes(null, turn.attributes)}`, ...body, colons];
}

/** Blank lines at the start and end of a message are not part of its text. */
function trimParts(parts: Part[]): Part[] {
  const result = parts.map((part) => ({ ...part, lines: [...part.lines] }));
  const first = result[0];
  if (first?.kind === 'text') first.lines = dropLeadingBlank(first.lines);
  const last = result[result.length - 1];
  if (last?.kind === 'text') last.lines = dropTrailingBlank(last.lines);
  return result.filter((part) => part.kind !== 'text' || part.lines.length > 0);
}

function dropLeadingBlank(lines: SourceLine[]): SourceLine[] {
  let start = 0;
  while (start < lines.length && isBlank(lines[start]!.text)) start++;
  return lines.slice(start);
}

function dropTrailingBlank(lines: SourceLine[]): SourceLine[] {
  let end = lines.length;
  while (end > 0 && isBlank(lines[end - 1]!.text)) end--;
  return lines.slice(0, end);
}

/**
 * The title as the official pages show it: its first word capitalized, each part of a word joined
 * by `/` or `-` (`user/developer conflict: tutoring` → `User/Developer conflict: tutoring`,
 * `nit-picking a trivial inaccuracy` → `Nit-Picking a trivial inaccuracy`); the rest as written.
 * A title that starts with anything but a lowercase letter (a link, code, math, `U.S.`) is kept.
 */
export function officialTitleCase(title: string): string {
  const first = /^\p{Ll}[\p{L}/-]*/u.exec(title)?.[0];
  if (!first) return title;
  return first.replace(/(^|[/-])(\p{Ll})/gu, (_, joint: string, letter: string) => joint + letter.toUpperCase()) + title.slice(first.length);
}

/** The deterministic id wanted for an example: `ex_` and the slug of its title. */
export function exampleIdFor(title: string | null): string {
  return `ex_${slugify(title ?? '') || 'example'}`;
}
