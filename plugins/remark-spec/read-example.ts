import type { Heading, Paragraph, RootContent } from 'mdast';
import { visit } from 'unist-util-visit';
import { reportNestedHeading } from './headings.ts';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Node } from 'unist';
import type { Context } from './context.ts';
import { checkClosed } from './fences.ts';
import { quoteList, report } from './rules.ts';
import { readSettings, type SettingsLine } from './settings.ts';
import { generatedExampleId, idMessage, idProblem } from './ids.ts';
import { plainText, rangeOf, sourceSlice } from './text.ts';
import type { MessageRole, SpecExample, SpecMessage, SpecResponse, SpecTurn } from './types.ts';
import { grades, isExampleKind, isGrade, isRole, nestedBlocks, roles } from './vocabulary.ts';
import { displayTitle } from './typography.ts';

/** Where an example sits: its section, that section's authority and its heading depth. */
export interface Placement {
  section: string | null;
  authority: string | null;
  /** Depth of the heading the example sits under; its title is one level deeper. */
  depth: number;
}

/** One message or response as read, with the nodes the renderer turns into its card. */
export interface ReadTurn {
  node: ContainerDirective;
  turn: SpecTurn;
  /** The rationale label of a response (a message's label is data only). */
  label: Paragraph | undefined;
  /** The body shown in the card: text, `:::untrusted` blocks and misplaced blocks, in order. */
  body: ContainerDirective['children'];
  settings: ContainerDirective[];
  /** The lines of each `:::settings` block, as written (the page shows every one). */
  settingsLines: SettingsLine[][];
  untrusted: ContainerDirective[];
}

/** An example as read, with the nodes the renderer needs. */
export interface ReadExample {
  example: SpecExample;
  label: Paragraph | undefined;
  description: RootContent[];
  turns: ReadTurn[];
}

/** Reads an `::::example` / `::::prompt` container into data, reporting what is malformed. */
export function readExample(node: ContainerDirective, placement: Placement, context: Context): ReadExample {
  const { file } = context;
  const kind = node.name as SpecExample['kind'];
  const children = [...node.children];
  const label = takeLabel(children);
  const attributes = stringAttributes(node.attributes);
  const titleFromAttribute = attributes.title;
  delete attributes.title;
  const title = label ? plainText(label.children).replace(/\s+/g, ' ').trim() : (titleFromAttribute ?? '');

  let id = attributes.id ?? '';
  delete attributes.id;
  delete attributes.class;
  const generated = context.generatedIds.get(node) ?? generatedExampleId(file.path ?? '', title || kind, (taken) => context.definitions.has(taken));
  const problem = id ? idProblem(id) : undefined;
  if (!id) {
    id = generated;
    report(
      file,
      'missing-example-id',
      `Unexpected ${kind} without an id, expected \`{#id}\` after its label; using \`${id}\` for now, such as \`::::${kind}[…]{#${id}}\``,
      node,
    );
  } else if (problem) {
    report(file, problem === 'reserved' ? 'reserved-id' : 'invalid-id', idMessage(`${kind} id`, id, problem), node);
    // The data carries a usable id; the error stops the build.
    id = generated;
  }
  context.define(id, node);

  checkClosed(node, context);

  const description: RootContent[] = [];
  const turns: ReadTurn[] = [];
  let comparison = -1;
  let previousWasResponse = false;

  for (const child of children) {
    if (child.type === 'containerDirective' && (isRole(child.name) || isGrade(child.name))) {
      const read = readTurn(child, context);
      if (read.turn.kind === 'response') {
        if (!previousWasResponse) comparison++;
        read.turn.comparison = comparison;
      }
      previousWasResponse = read.turn.kind === 'response';
      turns.push(read);
      continue;
    }
    if (child.type === 'containerDirective' || child.type === 'leafDirective') {
      reportMisplacedInExample(child, kind, context);
      // Reported, and still shown (with the description) so no text goes missing.
      description.push(child);
      continue;
    }
    // A message or graded response whose attributes do not parse (`:::system{x="a\"b"}`, a
    // missing `}`) is read as text: it would become the description, and leave the conversation.
    const opening = unreadableOpening(child, String(file.value));
    if (opening && (isRole(opening.name) || isGrade(opening.name))) {
      reportUnreadable(child, opening, ` in ${kind} \`${id}\``, context);
    } else if (turns.length > 0) {
      report(
        file,
        'malformed-nesting',
        `Unexpected ${describe(child)} between the messages of ${kind} \`${id}\`, expected only message and graded-response containers after the first message (put text inside a message, or before the first one as the description; a message that holds \`:::untrusted\` or \`:::settings\` needs four colons, and its example five)`,
        child,
      );
    }
    description.push(child);
  }

  for (const block of description) {
    visit(block, 'heading', (heading: Heading) => reportNestedHeading(heading, `the description of ${kind} \`${id}\``, context));
  }
  const firstResponse = turns.findIndex((read) => read.turn.kind === 'response');
  if (firstResponse === 0) {
    report(
      file,
      'response-without-message',
      `Unexpected graded response before any message in ${kind} \`${id}\`, expected a \`:::user\` (or other) message first, the conversation the response answers`,
      turns[0]!.node,
    );
  }

  if (turns.length === 0) {
    report(
      file,
      'example-without-response',
      `Unexpected ${kind} \`${id}\` without messages, expected at least a \`:::user\` message${kind === 'example' ? ' and a graded response' : ''}`,
      node,
    );
  } else if (kind === 'example' && !turns.some((read) => read.turn.kind === 'response')) {
    report(
      file,
      'example-without-response',
      `Unexpected example \`${id}\` without a graded response, expected at least one of ${quoteList(grades.map((grade) => ':::' + grade))} (use \`::::prompt\` for an ungraded eval prompt)`,
      node,
    );
  }

  const example: SpecExample = {
    kind,
    id,
    title: title || id,
    displayTitle: label ? displayTitle(label.children, context.options.typography) || id : displayTitle(title || id, context.options.typography),
    description: description.length > 0 ? sourceSlice(context.source, description[0], description[description.length - 1]) : '',
    section: placement.section,
    authority: placement.authority,
    turns: turns.map((read) => read.turn),
    attributes,
    position: rangeOf(node),
  };
  return { example, label, description, turns };
}

function takeLabel(children: Node[]): Paragraph | undefined {
  const first = children[0] as Paragraph | undefined;
  if (first?.type === 'paragraph' && first.data?.directiveLabel) {
    children.shift();
    return first;
  }
  return undefined;
}

/** Attribute names are the author's: the object has no prototype, so `__proto__` is a name like any. */
function stringAttributes(attributes: ContainerDirective['attributes']): Record<string, string> {
  const result: Record<string, string> = Object.create(null);
  for (const [key, value] of Object.entries(attributes ?? {})) result[key] = value ?? '';
  return result;
}

function describe(node: Node): string {
  if (node.type === 'containerDirective' || node.type === 'leafDirective') return `\`${(node as ContainerDirective).name}\` directive`;
  return node.type === 'paragraph' ? 'text' : `\`${node.type}\``;
}

function reportMisplacedInExample(node: Node, kind: string, context: Context): void {
  const name = (node as ContainerDirective).name;
  if (isExampleKind(name)) {
    report(
      context.file,
      'malformed-nesting',
      `Unexpected \`${name}\` inside another ${kind}, expected examples side by side (close the first with its fence before opening the next)`,
      node,
    );
  } else if (nestedBlocks.includes(name)) {
    report(
      context.file,
      'malformed-nesting',
      `Unexpected \`:::${name}\` directly in an ${kind}, expected it inside a message (give the message more colons than \`:::${name}\`)`,
      node,
    );
  } else {
    report(
      context.file,
      'unknown-directive',
      `Unexpected \`${name}\` directive in an ${kind}, expected one of ${quoteList([...roles, ...grades].map((value) => ':::' + value))}`,
      node,
    );
  }
}

function readTurn(node: ContainerDirective, context: Context): ReadTurn {
  const { file, source } = context;
  const children = [...node.children];
  const label = takeLabel(children);
  const attributes = stringAttributes(node.attributes);
  delete attributes.class;
  const untrusted: string[] = [];
  const settingsNodes: ContainerDirective[] = [];
  const untrustedNodes: ContainerDirective[] = [];
  const body: ContainerDirective['children'] = [];

  for (const child of children) {
    if (child.type === 'containerDirective' && child.name === 'settings') {
      settingsNodes.push(child);
      continue;
    }
    if (child.type === 'containerDirective' && child.name === 'untrusted') {
      const inner = child.children.filter((grandchild) => !(grandchild.type === 'paragraph' && grandchild.data?.directiveLabel));
      untrusted.push(sourceSlice(source, inner[0], inner[inner.length - 1]));
      untrustedNodes.push(child);
      body.push(child);
      continue;
    }
    if (child.type === 'containerDirective' || child.type === 'leafDirective') {
      const name = child.name;
      const nested = isRole(name) || isGrade(name);
      report(
        file,
        nested ? 'malformed-nesting' : 'unknown-directive',
        nested
          ? `Unexpected \`:::${name}\` inside the \`${node.name}\` message, expected messages side by side (a message closes with its own \`:::\` line)`
          : `Unexpected \`${name}\` directive in a message, expected \`:::untrusted\` or \`:::settings\``,
        child,
      );
    }
    // Misplaced blocks are reported above and still shown, so no text goes missing.
    body.push(child);
  }

  const { settings, lines: settingsLines } = readSettings(settingsNodes, context);
  const content = contentOf(body, children, source);
  const text = plainText(body);
  // A system or developer message may hold only settings: the configuration is its content.
  const settingsOnly = settingsNodes.length > 0 && (node.name === 'system' || node.name === 'developer');
  if (!text.trim() && untrusted.length === 0 && !settingsOnly) {
    report(file, 'empty-message', `Unexpected empty \`${node.name}\` message, expected its text between the opening and closing fences`, node);
  }

  const nodes = { node, body, settings: settingsNodes, settingsLines, untrusted: untrustedNodes };
  if (isGrade(node.name)) {
    const rationale = label ? plainText(label.children).replace(/\s+/g, ' ').trim() : '';
    if (!rationale) {
      report(
        file,
        'missing-rationale',
        `Unexpected \`:::${node.name}\` response without a rationale, expected a short reason as its label: \`:::${node.name}[why]\``,
        node,
      );
    }
    const response: SpecResponse = {
      kind: 'response',
      grade: node.name,
      rationale,
      content,
      text,
      attributes,
      settings,
      untrusted,
      comparison: 0,
      position: rangeOf(node),
    };
    return { ...nodes, turn: response, label };
  }
  if (label) attributes.label = plainText(label.children);
  const message: SpecMessage = {
    kind: 'message',
    role: node.name as MessageRole,
    content,
    text,
    attributes,
    settings,
    untrusted,
    position: rangeOf(node),
  };
  return { ...nodes, turn: message, label: undefined };
}

/** The author's Markdown of a message: its body verbatim, without the `:::settings` block. */
function contentOf(body: Node[], all: Node[], source: string): string {
  if (body.length === 0) return '';
  const first = body[0]!;
  const last = body[body.length - 1]!;
  let content = sourceSlice(source, first, last);
  for (const node of all) {
    if (node.type !== 'containerDirective' || (node as ContainerDirective).name !== 'settings') continue;
    const start = node.position?.start.offset ?? -1;
    if (start < (first.position?.start.offset ?? 0) || start > (last.position?.end.offset ?? 0)) continue;
    content = content.replace(sourceSlice(source, node), '').replace(/\n{3,}/g, '\n\n');
  }
  return content.trim();
}

/**
 * The `:::name{` (or `:::name[label]{`) a paragraph starts with: a directive whose attributes did not parse
 * (`{x="a\"b"}`, a missing `}`), which remark-directive leaves as text.
 */
export function unreadableOpening(node: RootContent, source: string): { fence: string; name: string } | null {
  const opening = node.type === 'paragraph' ? /^(:{2,})([A-Za-z][\w-]*)(?:\[[^\]\n]*\])?\{/.exec(sourceSlice(source, node)) : null;
  return opening ? { fence: opening[1]!, name: opening[2]! } : null;
}

/** Reports a directive of the format that was read as text, `where` saying where it is (` in example \`id\``, or nothing). */
export function reportUnreadable(node: Node, { fence, name }: { fence: string; name: string }, where: string, context: Context): void {
  report(
    context.file,
    'unreadable-directive',
    `Unexpected \`${fence}${name}{…\`${where} whose attributes cannot be read, expected \`{key="value" …}\` with each value quoted and the braces closed (a \`"\` inside a value is written \`&quot;\`, or the value is put in \`'…'\`); the line is kept as text until this is fixed`,
    node,
  );
}
