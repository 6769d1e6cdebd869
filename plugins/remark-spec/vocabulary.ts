import { gradeLabels, kindLabels } from '../contract/index.ts';
import type { Grade, MessageRole, SpecExample } from './types.ts';

/** The format's words: directive names, and the labels readers see for them. */

export const roles: readonly MessageRole[] = ['system', 'developer', 'user', 'assistant', 'tool'];
export const grades: readonly Grade[] = ['compliant', 'violating', 'ok'];
export const exampleKinds: readonly SpecExample['kind'][] = ['example', 'prompt'];
/** Blocks a message may hold besides its text. */
export const nestedBlocks: readonly string[] = ['untrusted', 'settings'];
/** Block directives allowed outside examples. */
export const blockDirectives: readonly string[] = ['example', 'prompt', 'commentary'];
/** Every directive name of the format. */
export const formatWords: ReadonlySet<string> = new Set([...blockDirectives, 'section', ...roles, ...grades, ...nestedBlocks]);

export const roleLabels: Readonly<Record<MessageRole, string>> = {
  system: 'System',
  developer: 'Developer',
  user: 'User',
  assistant: 'Assistant',
  tool: 'Tool',
};
// Grades and kinds are named as search filters name them (the contract holds both).
export { gradeLabels, kindLabels };
export const untrustedLabel = 'Untrusted content';
/** What a message attribute means, shown as its tooltip and to screen readers. */
export const attributeHelp: Readonly<Record<string, string>> = {
  end_turn: 'the assistant ends its turn with this message',
  channel: 'where the message is shown',
  recipient: 'who the message is addressed to',
  name: 'the name of the tool or participant',
};

export const isRole = (name: string): name is MessageRole => (roles as readonly string[]).includes(name);
export const isGrade = (name: string): name is Grade => (grades as readonly string[]).includes(name);
export const isExampleKind = (name: string): name is SpecExample['kind'] => (exampleKinds as readonly string[]).includes(name);
