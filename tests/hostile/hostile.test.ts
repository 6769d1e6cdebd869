// Hostile and malformed input, one folder per case (see case.ts): every rule's positioned
// message, and sources that must not crash, hang, lose text or run anything.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, test } from 'vitest';
import { rules, type RuleId } from '../../plugins/remark-spec/index.ts';
import { caseNames, loadCase, type HostileResult } from './case.ts';
import type { PipelineRequest, PipelineResult } from './pipeline-worker.ts';

const root = import.meta.dirname;
const names = caseNames(root);

test('every rule id has a case named after it that reports it', async () => {
  const missing = [];
  for (const ruleId of Object.keys(rules)) {
    const reported = existsSync(`${root}/${ruleId}/messages.txt`) && (await loadCase(root, ruleId)).expected.some((line) => line.split(' ')[2] === ruleId);
    if (!reported) missing.push(ruleId);
  }
  expect(missing).toEqual([]);
});

describe('hostile cases', () => {
  for (const name of names) {
    test(name, async () => {
      const hostile = await loadCase(root, name);
      const result = await pipeline(hostile.source, hostile.path, hostile.timeLimit);
      expectSafeAndComplete(result, hostile.source);
      const printed = result.messages.map(
        (message) => `${message.line}:${message.column} ${message.fatal ? 'error' : 'warning'} ${message.ruleId} ${message.reason}`,
      );
      expect(printed).toEqual(hostile.expected);
      for (const message of result.messages) {
        expect(message.source).toBe('remark-spec');
        expect(message.fatal, `${message.ruleId} severity`).toBe(rules[message.ruleId as RuleId] === 'error');
      }
      hostile.check?.(result, hostile.source);
    }, 60_000);
  }
});

// --- Each source runs in a worker with a hard time limit. ------------------------------------

let worker: Worker | undefined;
let nextId = 1;

/** Runs the site pipeline on `source`; a run longer than `limit` ms is killed and fails. */
async function pipeline(source: string, filePath: string, limit: number): Promise<HostileResult> {
  worker ??= new Worker(new URL('./pipeline-worker.ts', import.meta.url));
  const current = worker;
  const request: PipelineRequest = { id: nextId++, source, path: filePath };
  const started = performance.now();
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void current.terminate();
      worker = undefined;
      reject(new Error(`The pipeline did not finish within ${limit} ms (a hang) on ${filePath}`));
    }, limit);
    const onMessage = (result: PipelineResult) => {
      if (result.id !== request.id) return;
      clearTimeout(timer);
      current.off('message', onMessage);
      current.off('error', onError);
      resolve({ ...result, ms: performance.now() - started });
    };
    const onError = (error: Error) => {
      clearTimeout(timer);
      worker = undefined;
      reject(error);
    };
    current.on('message', onMessage);
    current.once('error', onError);
    current.postMessage(request);
  });
}

afterAll(async () => {
  await worker?.terminate();
});

/** Distinct words put in message text, so a test can tell that every message reached the page. */
const tokenPattern = /\bqx\d{4}\b/g;

function expectSafeAndComplete(result: PipelineResult, source: string): void {
  expect(result.error, 'the pipeline threw').toBeUndefined();
  expect(result.live, 'something in the output could run').toEqual([]);
  // The serialized page as a browser tokenizes it: its tags, with attribute values unquoted.
  const tags = tagsOf(result.html);
  expect(tags.filter((tag) => tag.name === 'script').length, 'a <script> element in the output').toBe(0);
  const unsafe = tags.flatMap((tag) =>
    Object.entries(tag.attributes).filter(
      ([name, value]) => /^on/i.test(name) || (/^(href|src|action|formaction)$/i.test(name) && /^\s*(javascript|vbscript|data):/i.test(value)),
    ),
  );
  expect(unsafe, 'a live handler or unsafe URL in the output').toEqual([]);
  const missing = [...new Set(source.match(tokenPattern) ?? [])].filter((token) => !result.text.includes(token));
  expect(missing, 'message text missing from the output').toEqual([]);
  for (const message of result.messages) expect(message.line, `${message.ruleId} is not positioned`).toBeGreaterThan(0);
}

/** Start tags of serialized HTML, in order; text never holds a raw `<` (it is escaped). */
function tagsOf(html: string): Array<{ name: string; attributes: Record<string, string> }> {
  const tags: Array<{ name: string; attributes: Record<string, string> }> = [];
  const tag =
    /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>|<\/[a-zA-Z][\w:-]*\s*>|<!--[\s\S]*?-->|<!doctype[^>]*>/gi;
  const attribute = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  let position = 0;
  for (let index = html.indexOf('<'); index !== -1; index = html.indexOf('<', position)) {
    tag.lastIndex = index;
    const match = tag.exec(html);
    expect(match?.index, `unparseable markup at ${html.slice(index, index + 60)}`).toBe(index);
    position = tag.lastIndex;
    if (!match![1]) continue;
    const attributes: Record<string, string> = {};
    for (const [, name, double, single, bare] of match![2]!.matchAll(attribute)) attributes[name!.toLowerCase()] = decodeHtml(double ?? single ?? bare ?? '');
    tags.push({ name: match![1].toLowerCase(), attributes });
  }
  return tags;
}

function decodeHtml(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_, decimal: string) => String.fromCodePoint(Math.min(Number(decimal), 0x10ffff)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
