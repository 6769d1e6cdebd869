import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { VFileMessage } from 'vfile-message';

/** Every rule the format checks, with its severity; the ids are stable and documented. */
export const rules = {
  'unknown-directive': 'error',
  'unknown-authority': 'error',
  'missing-section-id': 'error',
  'misplaced-section': 'error',
  'invalid-id': 'error',
  'reserved-id': 'error',
  'duplicate-id': 'error',
  'example-without-response': 'error',
  'grade-outside-example': 'error',
  'message-outside-example': 'error',
  'empty-message': 'error',
  'malformed-settings': 'error',
  'malformed-nesting': 'error',
  'dangling-reference': 'error',
  'missing-example-id': 'warning',
  'missing-rationale': 'warning',
  'mdx-unsafe-text': 'error',
} as const;

export type RuleId = keyof typeof rules;

export const source = 'remark-spec';

const docsUrl = 'https://github.com/example/model-spec-site/blob/main/docs/authoring.md#rule-ids';

/** Records a positioned message; errors are marked fatal so reporters and the build treat them as such. */
export function report(
  file: VFile,
  ruleId: RuleId,
  reason: string,
  place: Node | undefined,
  cause?: { reason: string; place: Node | undefined },
): VFileMessage {
  const message = file.message(reason, {
    place: place?.position,
    ruleId,
    source,
    cause: cause
      ? new VFileMessage(cause.reason, { place: cause.place?.position, ruleId, source })
      : undefined,
  });
  message.url = docsUrl;
  message.fatal = rules[ruleId] === 'error' ? true : false;
  return message;
}

/** `a`, `b` or `c` — for "expected one of" lists. */
export function quoteList(values: readonly string[]): string {
  return values.map((value) => '`' + value + '`').join(', ');
}

/** The closest candidate within a small edit distance, for "did you mean" hints. */
export function suggest(value: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(value.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(value.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

/** Applies a spec's severity choices to the warning rules: drops `off`, promotes `error`. */
export function applyRuleSeverity(file: VFile, severity: Partial<Record<RuleId, 'off' | 'warning' | 'error'>>): void {
  file.messages = file.messages.filter((message) => {
    const rule = message.ruleId as RuleId | undefined;
    const chosen = rule ? severity[rule] : undefined;
    if (!rule || !chosen || rules[rule] !== 'warning' || message.source !== source) return true;
    if (chosen === 'off') return false;
    message.fatal = chosen === 'error';
    return true;
  });
}
