import type { Node } from 'unist';
import type { VFile } from 'vfile';
import { distance as levenshtein } from 'fastest-levenshtein';
import { VFileMessage } from 'vfile-message';

/** Every rule the format checks, with its severity; the ids are stable and documented. */
export const rules = {
  'unknown-directive': 'error',
  'unreadable-directive': 'error',
  'unknown-authority': 'error',
  'missing-section-id': 'error',
  'empty-heading': 'error',
  'nested-heading': 'warning',
  'misplaced-section': 'error',
  'invalid-id': 'error',
  'reserved-id': 'error',
  'duplicate-id': 'error',
  'example-without-response': 'error',
  'response-without-message': 'error',
  'grade-outside-example': 'error',
  'message-outside-example': 'error',
  'empty-message': 'error',
  'malformed-settings': 'error',
  'malformed-nesting': 'error',
  'pathological-markup': 'error',
  'dangling-reference': 'error',
  'missing-example-id': 'warning',
  'missing-rationale': 'warning',
  'mdx-unsafe-text': 'error',
  'mdx-unreadable': 'error',
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
    cause: cause ? new VFileMessage(cause.reason, { place: cause.place?.position, ruleId, source }) : undefined,
  });
  message.url = docsUrl;
  message.fatal = rules[ruleId] === 'error';
  return message;
}

/** `a`, `b` or `c` — for "expected one of" lists. */
export function quoteList(values: readonly string[]): string {
  return values.map((value) => '`' + value + '`').join(', ');
}

/** Hints stop at this many edits: further away, a candidate is a different name, not a typo. */
const maxHintDistance = 4;

/**
 * "Did you mean" over a fixed list of candidates: bucketed by length once, so a lookup compares
 * only candidates whose length is within the cut-off, and each distance is computed by
 * `fastest-levenshtein`. Answers are remembered, so repeated unknown names cost one lookup.
 */
export class Suggester {
  readonly #byLength = new Map<number, Array<{ name: string; folded: string }>>();
  readonly #answers = new Map<string, string | undefined>();

  constructor(candidates: Iterable<string>) {
    for (const name of new Set(candidates)) {
      const bucket = this.#byLength.get(name.length) ?? [];
      bucket.push({ name, folded: name.toLowerCase() });
      this.#byLength.set(name.length, bucket);
    }
  }

  suggest(value: string): string | undefined {
    if (this.#answers.has(value)) return this.#answers.get(value);
    const folded = value.toLowerCase();
    // Short names allow fewer edits, so `ab` does not suggest every two-letter id.
    const limit = Math.min(maxHintDistance, Math.max(2, Math.floor(value.length / 3)));
    let best: string | undefined;
    let bestDistance = limit + 1;
    for (let length = value.length - limit; length <= value.length + limit; length++) {
      for (const candidate of this.#byLength.get(length) ?? []) {
        const distance = levenshtein(folded, candidate.folded);
        if (distance < bestDistance) {
          best = candidate.name;
          bestDistance = distance;
        }
      }
    }
    this.#answers.set(value, best);
    return best;
  }
}

/** The closest candidate within a small edit distance, for "did you mean" hints. */
export function suggest(value: string, candidates: Iterable<string>): string | undefined {
  return new Suggester(candidates).suggest(value);
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
