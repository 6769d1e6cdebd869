import type { AuthorityLevel } from './types.ts';

/** The default levels, highest rank first. */
export const defaultAuthorityLevels: readonly AuthorityLevel[] = [
  { name: 'root', label: 'Root', description: 'Fundamental rules that cannot be overridden.' },
  { name: 'system', label: 'System', description: 'Rules set by the platform; developers and users cannot override them.' },
  { name: 'developer', label: 'Developer', description: 'Defaults a developer may change within the limits above.' },
  { name: 'user', label: 'User', description: 'Defaults a user may change within the limits the developer allows.' },
  { name: 'guideline', label: 'Guideline', description: 'Defaults that context, even implicit, may override.' },
];

/** Rank lookups over a spec's declared levels. */
export class Authorities {
  readonly levels: readonly AuthorityLevel[];
  readonly #rank: Map<string, number>;

  constructor(levels: readonly AuthorityLevel[]) {
    this.levels = levels;
    this.#rank = new Map(levels.map((level, index) => [level.name, index]));
  }

  has(name: string): boolean {
    return this.#rank.has(name);
  }

  get names(): string[] {
    return this.levels.map((level) => level.name);
  }

  get(name: string): AuthorityLevel | undefined {
    return this.levels[this.#rank.get(name) ?? -1];
  }

  /** Unique names sorted highest rank first. */
  sort(names: Iterable<string>): string[] {
    return [...new Set(names)].sort((a, b) => (this.#rank.get(a) ?? 99) - (this.#rank.get(b) ?? 99));
  }
}
