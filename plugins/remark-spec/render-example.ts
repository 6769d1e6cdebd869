import type { Heading, PhrasingContent, RootContent } from 'mdast';
import type { ContainerDirective } from 'mdast-util-directive';
import type { Properties } from 'hast';
import { h } from 'hastscript';
import { visit } from 'unist-util-visit';
import type { Context } from './context.ts';
import { hastNode, wrapperNode } from './hast.ts';
import type { Placement, ReadExample, ReadTurn } from './read-example.ts';
import type { SettingsLine } from './settings.ts';
import type { MessageRole, SpecWrapper } from './types.ts';
import { isLabelledTag, menuTrigger, tagBadge } from './sections.ts';
import { replaceChild } from './text.ts';
import type { SpecExample } from './types.ts';
import { attributeHelp, gradeLabels, kindLabels, roleLabels, untrustedLabel } from './vocabulary.ts';
import type { Grade } from './types.ts';

/** The order graded alternatives are shown in, whatever order they were written in. */
const gradeOrder: readonly Grade[] = ['compliant', 'ok', 'violating'];

/** Turns a read example into its card: header, description and conversation with comparisons. */
export function renderExample(node: ContainerDirective, read: ReadExample, placement: Placement, context: Context): void {
  const { example, label, description, turns } = read;
  for (const turn of turns) renderTurn(turn);

  const headingLevel = Math.min(6, Math.max(2, placement.depth + 1));
  const kindLabel = kindLabels[example.kind];
  const titleChildren: RootContent[] = label ? label.children : [{ type: 'text', value: example.title }];
  const grades = [...new Set(example.turns.flatMap((turn) => (turn.kind === 'response' ? [turn.grade] : [])))];

  const comparisonSizes = new Map<number, number>();
  for (const { turn } of turns) if (turn.kind === 'response') comparisonSizes.set(turn.comparison, (comparisonSizes.get(turn.comparison) ?? 0) + 1);
  const conversation: RootContent[] = [];
  const groups: Array<{ wrapper: SpecWrapper; items: Array<{ node: RootContent; rank: number }> }> = [];
  let group: { wrapper: SpecWrapper; items: Array<{ node: RootContent; rank: number }> } | undefined;
  for (const { node: turnNode, turn } of turns) {
    if (turn.kind === 'response') {
      if (!group) {
        const count = comparisonSizes.get(turn.comparison)!;
        group = {
          wrapper: wrapperNode(
            'div',
            { className: ['ms-comparison'], role: 'group', ariaLabel: count > 1 ? `${count} graded responses` : 'Graded response' },
            [],
          ),
          items: [],
        };
        groups.push(group);
        conversation.push(group.wrapper);
      }
      group.items.push({ node: turnNode, rank: gradeOrder.indexOf(turn.grade) });
    } else {
      group = undefined;
      conversation.push(turnNode);
    }
  }

  // Alternatives are shown compliant, ok, violating (a stable sort: the data keeps source order).
  for (const { wrapper, items } of groups) wrapper.children = items.sort((a, b) => a.rank - b.rank).map((item) => item.node);

  const level = example.authority ? context.authorities.get(example.authority) : undefined;
  node.data = {
    hName: 'article',
    hProperties: {
      id: example.id,
      className: ['ms-example', `ms-example--${example.kind}`],
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
        h('a', { className: ['ms-permalink'], href: `#${example.id}`, ariaLabel: `Link to ${kindLabel.toLowerCase()} “${example.displayTitle}”` }, [
          '#',
        ]),
      ),
      ...(level
        ? [
            hastNode(
              h('span', { className: ['ms-badge', 'ms-badge--small', `ms-badge--${level.name}`], title: `${level.label}: ${level.description}` }, level.label),
            ),
          ]
        : []),
      // A conversation whose settings turn a tag on (`under_18: true`) carries its badge, as its section would.
      ...turnedOnTags(example, context).map((tag) => tagBadge(tag, context)),
      hastNode(menuTrigger({ id: example.id, title: example.displayTitle, kind: example.kind, stable: node.attributes?.id === example.id })),
      hastNode(h('p', { className: ['ms-example__caption'] }, scenarioCaption(example))),
    ]),
    ...(description.length ? [wrapperNode('div', { className: ['ms-example__description'] }, description)] : []),
    wrapperNode('div', { className: ['ms-example__conversation'] }, conversation),
  ];
}

function renderTurn({ node, turn, label, body, settings, settingsLines, untrusted }: ReadTurn): void {
  settings.forEach((block, index) => renderSettings(block, settingsLines[index]!));
  for (const block of untrusted) {
    inertLinks(block);
    block.data = { hName: 'div', hProperties: { className: ['ms-untrusted'] } };
    block.children.unshift(hastNode(h('p', { className: ['ms-untrusted__label'] }, untrustedLabel)));
  }

  const role: MessageRole = turn.kind === 'response' ? 'assistant' : turn.role;
  const className = ['ms-turn', `ms-turn--${role}`];
  const properties: Properties = {
    className,
    dataRole: role,
    ...(role === 'assistant' && turn.attributes.recipient ? { dataRecipient: turn.attributes.recipient } : {}),
  };
  const metaParts = [h('span', { className: ['ms-turn__role'] }, roleLabel(role, turn.attributes))];
  if (turn.kind === 'response') {
    className.push('ms-response', `ms-response--${turn.grade}`);
    properties.dataGrade = turn.grade;
    metaParts.push(h('span', { className: ['ms-grade', `ms-grade--${turn.grade}`] }, gradeLabels[turn.grade]));
  }
  for (const [key, value] of Object.entries(turn.attributes)) {
    if ((key === 'recipient' && role === 'assistant') || (key === 'name' && role === 'tool')) continue;
    const help = Object.hasOwn(attributeHelp, key) ? attributeHelp[key] : undefined;
    metaParts.push(
      h('span', { className: ['ms-turn__attribute'], dataAttribute: key, ...(help ? { title: help } : {}) }, [
        value ? `${key}: ${value}` : key,
        ...(help ? [h('span', { className: ['ms-visually-hidden'] }, ` (${help})`)] : []),
      ]),
    );
  }
  const rationale = label ? [wrapperNode('p', { className: ['ms-response__rationale'] }, label.children)] : [];
  demoteHeadings(body);
  node.data = { hName: 'div', hProperties: properties };
  node.children = [
    // A turn that shows only its role needs no row to lay out: the role stands alone.
    hastNode(metaParts.length === 1 ? metaParts[0]! : h('div', { className: ['ms-turn__meta'] }, metaParts)),
    ...rationale,
    ...settings,
    // A message of settings alone has no body to show.
    ...(body.length > 0 || settings.length === 0 ? [wrapperNode('div', { className: ['ms-turn__body'] }, body)] : []),
  ];
}

/** The one-line scenario of a card: who speaks, and what is graded. */
function scenarioCaption(example: SpecExample): string {
  const speakers = [...new Set(example.turns.flatMap((turn) => (turn.kind === 'message' ? [roleLabels[turn.role].toLowerCase()] : [])))];
  const said = speakers.length > 1 ? `${speakers.slice(0, -1).join(', ')} and ${speakers.at(-1)}` : (speakers[0] ?? 'no');
  const answers = example.turns.filter((turn) => turn.kind === 'response');
  const byGrade = gradeOrder
    .map((grade) => [grade, answers.filter((turn) => turn.kind === 'response' && turn.grade === grade).length] as const)
    .filter(([, count]) => count > 0)
    .map(([grade, count]) => `${count} ${gradeLabels[grade].toLowerCase()}`);
  const start = `${said.charAt(0).toUpperCase()}${said.slice(1)} message${example.turns.length - answers.length === 1 ? '' : 's'}`;
  return answers.length
    ? `${start}, then ${answers.length} graded answer${answers.length === 1 ? '' : 's'}: ${byGrade.join(', ')}`
    : `${start}: a prompt for evaluation, without graded answers`;
}

/** Links inside untrusted content are shown, not followed: the text and the URL, as text. */
function inertLinks(block: ContainerDirective): void {
  visit(block, 'link', (link, index, parent) => {
    if (!parent || index === undefined) return;
    const text = link.children.map((child) => ('value' in child ? child.value : '')).join('');
    const children: PhrasingContent[] = text === link.url ? [{ type: 'text', value: link.url }] : [...link.children, { type: 'text', value: ` <${link.url}>` }];
    replaceChild(parent, index, {
      type: 'emphasis',
      children,
      data: { hName: 'span', hProperties: { className: ['ms-inert-link'], title: `Link in untrusted content, not followed: ${link.url}` } },
    });
  });
}

/** Every line the author wrote, in order; lines that are not `key: value` (reported) too. */
function renderSettings(block: ContainerDirective, lines: readonly SettingsLine[]): void {
  block.data = { hName: 'dl', hProperties: { className: ['ms-settings'] } };
  block.children = lines.flatMap((line) =>
    line.kind === 'setting'
      ? [hastNode(h('dt', line.key)), hastNode(h('dd', line.value))]
      : [hastNode(h('dt', { className: ['ms-settings__unparsed'] }, line.text)), hastNode(h('dd'))],
  );
}

/**
 * A `#` line in a message is part of the message (a model's Markdown answer), not of the page's
 * outline: it renders as a styled paragraph so headings and the table of contents stay the spec's.
 */
function demoteHeadings(body: readonly RootContent[]): void {
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

/**
 * Tags with a label (the spec's or a well-known one) that a message turns on, in its settings
 * (`under_18: true`) or as an attribute (`{under_18}`, `{under_18=true}`), in order of first mention.
 */
function turnedOnTags(example: SpecExample, context: Context): string[] {
  const tags = new Set<string>();
  for (const turn of example.turns) {
    if (turn.kind !== 'message') continue;
    for (const [key, value] of Object.entries(turn.settings)) if (/^(?:true|yes|1)$/i.test(value.trim()) && isLabelledTag(key, context)) tags.add(key);
    for (const [key, value] of Object.entries(turn.attributes)) if (/^(?:|true|yes|1)$/i.test(value.trim()) && isLabelledTag(key, context)) tags.add(key);
  }
  return [...tags];
}
