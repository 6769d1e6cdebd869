import type { VFile } from 'vfile';

/** A fatal message with the project's rule source. */
export function fail(file: VFile, reason: string, ruleId: string, place?: { line: number; column: number }) {
  const message = file.message(reason, { ruleId, source: 'model-spec-site', place });
  message.fatal = true;
  return message;
}

/** A warning with the project's rule source. */
export function warn(file: VFile, reason: string, ruleId: string, place?: { line: number; column: number }) {
  return file.message(reason, { ruleId, source: 'model-spec-site', place });
}
