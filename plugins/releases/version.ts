/** Release names: a date (`2025-12-18`) or a semantic version (`1.2.0`, `2.0.0-rc.1`). */

const datePattern = /^\d{4}-\d{2}-\d{2}$/;
const semverPattern = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

/** A real calendar day written `YYYY-MM-DD`. */
export function isReleaseDate(value: string): boolean {
  if (!datePattern.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** A version is a folder and URL segment: past this it is a sentence, not a name. */
export const maxVersionLength = 64;

export function isReleaseVersion(value: string): boolean {
  return value.length <= maxVersionLength && (isReleaseDate(value) || semverPattern.test(value));
}

export const versionExpectation = `a date \`YYYY-MM-DD\` (such as \`2025-12-18\`) or a semantic version (such as \`1.2.0\`) of at most ${maxVersionLength} characters`;

/** A version as messages quote it: a long one cut, with its length. */
export function shortVersion(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}… (${value.length} characters)` : value;
}
/** Semantic versions by precedence (a pre-release sorts before its release); anything else as text. */
export function compareVersions(a: string, b: string): number {
  const x = semverPattern.exec(a);
  const y = semverPattern.exec(b);
  if (!x || !y) return a < b ? -1 : a > b ? 1 : 0;
  for (let index = 1; index <= 3; index++) {
    const difference = Number(x[index]) - Number(y[index]);
    if (difference !== 0) return difference;
  }
  if (x[4] === y[4]) return 0;
  if (x[4] === undefined) return 1;
  if (y[4] === undefined) return -1;
  return x[4].localeCompare(y[4], 'en', { numeric: true });
}

/** Release order: by date, then by version. */
export function compareReleases(a: { date: string; version: string }, b: { date: string; version: string }): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : compareVersions(a.version, b.version);
}

/** Today in UTC as `YYYY-MM-DD`. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}
