import type { VFile } from 'vfile';

/**
 * A spec that cannot be built: `message` is the positioned report of every problem, `files` the
 * vfiles behind it. The report says where; a stack trace into the generator would only distract.
 */
export class SpecError extends Error {
  readonly files: VFile[];
  constructor(report: string, files: VFile[]) {
    super(report);
    this.name = 'SpecError';
    this.files = files;
    this.stack = report;
  }
}

/**
 * One line per message, `file:line:col: error: reason [source:rule]`, the form editors and CI
 * annotate; the cause (such as where a duplicate id was first used) follows, indented.
 */
export function formatMessages(files: readonly VFile[]): string {
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const file of files) {
    const sorted = [...file.messages].sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
    for (const message of sorted) {
      const severity = message.fatal ? 'error' : 'warning';
      if (message.fatal) errors++;
      else warnings++;
      const place = message.line ? `:${message.line}:${message.column ?? 1}` : '';
      lines.push(`${file.path}${place}: ${severity}: ${message.reason} [${message.source ?? 'spec'}:${message.ruleId ?? 'unknown'}]`);
      const cause = message.cause as { reason?: string; line?: number; column?: number } | undefined;
      if (cause?.reason) lines.push(`  ${file.path}${cause.line ? `:${cause.line}:${cause.column ?? 1}` : ''}: ${cause.reason}`);
    }
  }
  const counts = [errors && `${errors} error${errors === 1 ? '' : 's'}`, warnings && `${warnings} warning${warnings === 1 ? '' : 's'}`].filter(Boolean);
  return lines.length ? `${lines.join('\n')}\n\n${counts.join(', ')}` : '';
}
