import type { Heading, Paragraph, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Properties } from 'hast';
import { h } from 'hastscript';
import type { Node } from 'unist';
import { visit } from 'unist-util-visit';
import type { Context } from './context.ts';
import { hastNode, wrapperNode } from './hast.ts';
import { quoteList, report } from './rules.ts';
import { idPattern, plainText, rangeOf, slugify, sourceSlice } from './text.ts';
import type { Grade, MessageRole, SpecExample, SpecMessage, SpecResponse, SpecTurn } from './types.ts';

export const roles: readonly MessageRole[] = ['system', 'developer', 'user', 'assistant', 'tool'];
export const grades: readonly Grade[] = ['compliant', 'violating', 'ok'];
export const exampleKinds = ['example', 'prompt'] as const;
const nestedBlocks = ['untrusted', 'settings'];

const roleLabels: Record<MessageRole, string> = {
  system: 'System',
  developer: 'Developer',
  user: 'User',
  assistant: 'Assistant',
  tool: 'Tool',
};
const gradeLabels: Record<Grade, string> = { compliant: 'Compliant', violating: 'Violating', ok: 'OK' };

export const isRole = (name: string): name is MessageRole => (roles as readonly string[]).includes(name);
export const isGrade = (name: string): name is Grade => (grades as readonly string[]).includes(name);
export const isExampleKind = (name: string): name is SpecExample['kind'] => (exampleKinds as readonly string[]).includes(name);

interface Placement {
  section: string | null;
  authority: string | null;
  /** Depth of the heading the example sits under; its title is one level deeper. */
  depth: number;
}

/** Reads an `::::example` / `::::prompt` container into data and turns it into a card. */
export function transformExample(node: ContainerDirective, placement: Placement, context: Context): SpecExample {
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
  if (!id) {
    const base = slugify(title || `${placement.section ?? 'spec'}_${kind}`);
    id = base;
    for (let n = 2; context.definitions.has(id); n++) id = `${base}_${n}`;
    report(
      file,
      'missing-example-id',
      `Unexpected ${kind} without an id, expected \`{#id}\` after its label; using \`${id}\` for now, such as \`::::${kind}[…]{#${id}}\``,
      node,
    );
  } else if (!idPattern.test(id)) {
    report(file, 'invalid-id', `Unexpected ${kind} id \`${id}\`, expected letters, digits, \`_\` and \`-\``, node);
  }
  context.define(id, node);

  checkClosed(node, context);

  const description: RootContent[] = [];
  const turns: SpecTurn[] = [];
  const turnNodes: Array<{ node: ContainerDirective; turn: SpecTurn }> = [];
  let comparison = -1;
  let previousWasResponse = false;

  for (const child of children) {
    if (child.type === 'containerDirective' && (isRole(child.name) || isGrade(child.name))) {
      const turn = readTurn(child, context);
      if (turn.kind === 'response') {
        if (!previousWasResponse) comparison++;
        turn.comparison = comparison;
      }
      previousWasResponse = turn.kind === 'response';
      turns.push(turn);
      turnNodes.push({ node: child, turn });
      continue;
    }
    if (child.type === 'containerDirective' || child.type === 'leafDirective') {
      reportMisplacedInExample(child, kind, context);
      // Reported, and still shown (with the description) so no text goes missing.
      description.push(child);
      continue;
    }
    if (turns.length > 0) {
      report(
        file,
        'malformed-nesting',
        `Unexpected ${describe(child)} between the messages of ${kind} \`${id}\`, expected only message and graded-response containers after the first message (put text inside a message, or before the first one as the description; a message that holds \`:::untrusted\` or \`:::settings\` needs four colons, and its example five)`,
        child,
      );
    }
    description.push(child);
  }

  if (turns.length === 0) {
    report(file, 'example-without-response', `Unexpected ${kind} \`${id}\` without messages, expected at least a \`:::user\` message${kind === 'example' ? ' and a graded response' : ''}`, node);
  } else if (kind === 'example' && !turns.some((turn) => turn.kind === 'response')) {
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
    description: description.length > 0 ? sourceSlice(context.source, description[0], description[description.length - 1]) : '',
    section: placement.section,
    authority: placement.authority,
    turns,
    attributes,
    position: rangeOf(node),
  };

  renderExample(node, example, label, description, turnNodes, placement, context);
  return example;
}

function takeLabel(children: Node[]): Paragraph | undefined {
  const first = children[0] as Paragraph | undefined;
  if (first?.type === 'paragraph' && first.data?.directiveLabel) {
    children.shift();
    return first;
  }
  return undefined;
}

function stringAttributes(attributes: ContainerDirective['attributes']): Record<string, string> {
  const result: Record<string, string> = {};
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
    report(context.file, 'malformed-nesting', `Unexpected \`${name}\` inside another ${kind}, expected examples side by side (close the first with its fence before opening the next)`, node);
  } else if (nestedBlocks.includes(name)) {
    report(context.file, 'malformed-nesting', `Unexpected \`:::${name}\` directly in an ${kind}, expected it inside a message (give the message more colons than \`:::${name}\`)`, node);
  } else {
    report(
      context.file,
      'unknown-directive',
      `Unexpected \`${name}\` directive in an ${kind}, expected one of ${quoteList([...roles, ...grades].map((value) => ':::' + value))}`,
      node,
    );
  }
}

/**
 * A container without its closing fence runs to the end of the file and swallows everything
 * after it; the parser accepts that silently, so it is checked here.
 */
export function checkClosed(node: ContainerDirective, context: Context): void {
  const end = node.position?.end;
  const lastLine = end ? (context.lines[end.line - 1] ?? '') : '';
  if (end && !/^\s*:{3,}\s*$/.test(lastLine)) {
    report(
      context.file,
      'malformed-nesting',
      `Unexpected unclosed \`${node.name}\` container (it runs to line ${end.line}), expected a closing line of colons as long as its opening fence`,
      { type: 'x', position: { start: node.position!.start, end: node.position!.start } } as Node,
    );
  }
}

function readTurn(node: ContainerDirective, context: Context): SpecTurn {
  const { file, source } = context;
  const children = [...node.children];
  const label = takeLabel(children);
  const attributes = stringAttributes(node.attributes);
  delete attributes.class;
  const settings: Record<string, string> = {};
  const untrusted: string[] = [];
  const body: Node[] = [];

  for (const child of children) {
    if (child.type === 'containerDirective' && child.name === 'settings') {
      for (const line of plainText(child.children).split('\n')) {
        const match = /^\s*([^:]+?)\s*:\s*(.*?)\s*$/.exec(line);
        if (match) settings[match[1]!] = match[2]!;
      }
      child.data = { hName: 'dl', hProperties: { className: ['ms-settings'] } };
      child.children = Object.entries(settings).flatMap(([key, value]) => [
        hastNode(h('dt', key)),
        hastNode(h('dd', value)),
      ]) as never;
      continue;
    }
    if (child.type === 'containerDirective' && child.name === 'untrusted') {
      const inner = child.children.filter((grandchild) => !(grandchild.type === 'paragraph' && grandchild.data?.directiveLabel));
      untrusted.push(sourceSlice(source, inner[0], inner[inner.length - 1]));
      child.data = { hName: 'div', hProperties: { className: ['ms-untrusted'] } };
      child.children.unshift(hastNode(h('p', { className: ['ms-untrusted__label'] }, 'Untrusted content')) as never);
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

  const content = contentOf(body, children, source);
  const text = plainText(body as never);
  if (!text.trim() && untrusted.length === 0) {
    report(file, 'empty-message', `Unexpected empty \`${node.name}\` message, expected its text between the opening and closing fences`, node);
  }

  if (isGrade(node.name)) {
    const rationale = label ? plainText(label.children).replace(/\s+/g, ' ').trim() : '';
    if (!rationale) {
      report(file, 'missing-rationale', `Unexpected \`:::${node.name}\` response without a rationale, expected a short reason as its label: \`:::${node.name}[why]\``, node);
    }
    const response: SpecResponse = {
      kind: 'response', grade: node.name, rationale, content, text, attributes, settings, untrusted, comparison: 0, position: rangeOf(node),
    };
    renderTurn(node, response, label, body);
    return response;
  }
  if (label) attributes.label = plainText(label.children);
  const message: SpecMessage = {
    kind: 'message', role: node.name as MessageRole, content, text, attributes, settings, untrusted, position: rangeOf(node),
  };
  renderTurn(node, message, undefined, body);
  return message;
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

function renderTurn(node: ContainerDirective, turn: SpecTurn, label: Paragraph | undefined, body: Node[]): void {
  const role: MessageRole = turn.kind === 'response' ? 'assistant' : turn.role;
  const className = ['ms-turn', `ms-turn--${role}`];
  const properties: Properties = { className, dataRole: role };
  const metaParts = [h('span', { className: ['ms-turn__role'] }, roleLabel(role, turn.attributes))];
  if (turn.kind === 'response') {
    className.push('ms-response', `ms-response--${turn.grade}`);
    properties.dataGrade = turn.grade;
    metaParts.push(h('span', { className: ['ms-grade', `ms-grade--${turn.grade}`] }, gradeLabels[turn.grade]));
  }
  for (const [key, value] of Object.entries(turn.attributes)) {
    if ((key === 'recipient' && role === 'assistant') || (key === 'name' && role === 'tool')) continue;
    metaParts.push(h('span', { className: ['ms-turn__attribute'], dataAttribute: key }, value ? `${key}: ${value}` : key));
  }
  const settingsNodes = node.children.filter((child) => child.type === 'containerDirective' && child.name === 'settings');
  const rationale: Node[] = label
    ? [wrapperNode('p', { className: ['ms-response__rationale'] }, label.children as PhrasingContent[] as Node[])]
    : [];
  demoteHeadings(body);
  node.data = { hName: 'div', hProperties: properties };
  node.children = [
    hastNode(h('div', { className: ['ms-turn__meta'] }, metaParts)),
    ...rationale,
    ...settingsNodes,
    wrapperNode('div', { className: ['ms-turn__body'] }, body),
  ] as never;
}

/**
 * A `#` line in a message is part of the message (a model's Markdown answer), not of the page's
 * outline: it renders as a styled paragraph so headings and the table of contents stay the spec's.
 */
function demoteHeadings(body: Node[]): void {
  for (const node of body) {
    visit(node, 'heading', (heading: Heading) => {
      heading.data = { ...heading.data, hName: 'p', hProperties: { className: ['ms-message-heading', `ms-message-heading--${heading.depth}`] } };
    });
  }
}

function roleLabel(role: MessageRole, attributes: Record<string, string>): string {
  if (role === 'assistant' && attributes.recipient) return `Assistant → ${attributes.recipient}`;
  if (role === 'tool' && attributes.name) return `Tool: ${attributes.name}`;
  return roleLabels[role];
}

function renderExample(
  node: ContainerDirective,
  example: SpecExample,
  label: Paragraph | undefined,
  description: RootContent[],
  turnNodes: Array<{ node: ContainerDirective; turn: SpecTurn }>,
  placement: Placement,
  context: Context,
): void {
  const headingLevel = Math.min(6, Math.max(2, placement.depth + 1));
  const kindLabel = example.kind === 'prompt' ? 'Eval prompt' : 'Example';
  const titleChildren: Node[] = label ? (label.children as Node[]) : [{ type: 'text', value: example.title } as Node];
  const grades = [...new Set(example.turns.flatMap((turn) => (turn.kind === 'response' ? [turn.grade] : [])))];

  const conversation: Node[] = [];
  let group: Node[] | undefined;
  for (const { node: turnNode, turn } of turnNodes) {
    if (turn.kind === 'response') {
      if (!group) {
        group = [];
        const count = turnNodes.filter((entry) => entry.turn.kind === 'response' && entry.turn.comparison === turn.comparison).length;
        conversation.push(
          wrapperNode('div', { className: ['ms-comparison'], role: 'group', ariaLabel: count > 1 ? `${count} graded responses` : 'Graded response' }, group),
        );
      }
      group.push(turnNode);
    } else {
      group = undefined;
      conversation.push(turnNode);
    }
  }

  const level = example.authority ? context.authorities.get(example.authority) : undefined;
  node.data = {
    hName: 'article',
    hProperties: {
      id: example.id,
      className: ['ms-example', `ms-example--${example.kind}`],
      dataExampleId: example.id,
      dataKind: example.kind,
      ...(example.section ? { dataSection: example.section } : {}),
      ...(example.authority ? { dataAuthority: example.authority } : {}),
      ...(grades.length ? { dataGrades: grades.join(' ') } : {}),
    },
  };
  node.children = [
    wrapperNode('header', { className: ['ms-example__header'] }, [
      hastNode(h('span', { className: ['ms-example__kind'] }, kindLabel)),
      wrapperNode(`h${headingLevel}`, { className: ['ms-example__title'] }, titleChildren),
      hastNode(
        h('a', { className: ['ms-permalink'], href: `#${example.id}`, ariaLabel: `Link to ${kindLabel.toLowerCase()} “${example.title}”` }, [
          h('span', { ariaHidden: 'true' }, '#'),
        ]),
      ),
      ...(level ? [hastNode(h('span', { className: ['ms-badge', 'ms-badge--small', `ms-badge--${level.name}`], title: `${level.label}: ${level.description}` }, level.label))] : []),
    ]),
    ...(description.length ? [wrapperNode('div', { className: ['ms-example__description'] }, description)] : []),
    wrapperNode('div', { className: ['ms-example__conversation'] }, conversation),
  ] as never;
}
