import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { VFile } from 'vfile';
import type { SpecFileData, DefinedTarget } from '../remark-spec/index.ts';
import type { ContentAsset } from './content-assets.ts';
import { type Piece, type PieceStore, ParsedPieces } from './parsed-pieces.ts';

/** A message as stored with a cached chapter, replayed on the file when the cache is used. */
export interface StoredMessage {
  reason: string;
  line?: number;
  column?: number;
  ruleId?: string;
  source?: string;
}

/** What one chapter's source yields; keyed by the source text, the config and the generator. */
export interface CachedChapter {
  /** The ids the chapter defines, with their places (stage one: indexing). */
  targets: DefinedTarget[];
  /** The images and files it uses (stage one too: a cached chapter is not parsed again). */
  assets: ContentAsset[];
  /** Its data (stage two), valid while the spec's ids and titles are unchanged. */
  transformed?: { signature: string; data: SpecFileData; messages: StoredMessage[] };
  /** Its page body (stage three), valid while those and the marks added to it are unchanged. */
  rendered?: { signature: string; html: string };
}

/**
 * Parsed and rendered chapters by the hash of everything they depend on. Frozen releases never
 * change, and a warm rebuild or a dev edit re-parses only what changed. In memory always; on disk
 * (Astro's cache folder) when given one, so a second `astro build` starts warm.
 */
export class ChapterCache {
  private readonly memory = new Map<string, CachedChapter>();
  private readonly dir: string | undefined;
  /**
   * Parsed pieces of chapters, for a process that reads edited chapters again (`true`: the dev
   * server, in memory), or for builds after an edit (`'stored'`: in the cache folder too).
   */
  readonly pieces: ParsedPieces | undefined;

  /** The folders a cache at `dir` writes into, each file written aside (`….<pid>.tmp`) and renamed. */
  static folders(dir: string): string[] {
    return [dir, piecesFolder(dir)];
  }

  constructor(dir?: string, options: { pieces?: boolean | 'stored' } = {}) {
    this.dir = dir;
    const store = options.pieces === 'stored' && dir ? pieceStore(piecesFolder(dir)) : undefined;
    this.pieces = options.pieces ? new ParsedPieces(store) : undefined;
    if (dir) mkdirSync(dir, { recursive: true });
  }

  key(parts: readonly string[]): string {
    const hash = createHash('sha256');
    hash.update(generatorVersion());
    for (const part of parts) hash.update('\u0000').update(part);
    return hash.digest('hex');
  }

  get(key: string): CachedChapter | undefined {
    const hit = this.memory.get(key);
    if (hit || !this.dir) return hit;
    try {
      const stored = JSON.parse(readFileSync(path.join(this.dir, key + '.json'), 'utf8')) as CachedChapter;
      this.memory.set(key, stored);
      return stored;
    } catch {
      return undefined;
    }
  }

  set(key: string, entry: CachedChapter): void {
    this.memory.set(key, entry);
    if (!this.dir) return;
    // Written aside and renamed: a build stopped halfway never leaves a torn entry.
    const file = path.join(this.dir, key + '.json');
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(entry));
    renameSync(temporary, file);
  }
}

const piecesFolder = (dir: string) => path.join(dir, 'pieces');

/** One JSON file per chapter file, named by its path and the generator (pieces of older code are never read). */
function pieceStore(dir: string): PieceStore {
  const fileOf = (name: string) =>
    path.join(dir, `${createHash('sha256').update(generatorVersion()).update('\u0000').update(name).digest('hex').slice(0, 32)}.json`);
  return {
    load(name) {
      try {
        return new Map(JSON.parse(readFileSync(fileOf(name), 'utf8')) as Array<[string, Piece]>);
      } catch {
        return undefined;
      }
    },
    save(name, pieces) {
      mkdirSync(dir, { recursive: true });
      const file = fileOf(name);
      // Written aside and renamed: a build stopped halfway never leaves a torn file.
      writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify([...pieces]));
      renameSync(`${file}.${process.pid}.tmp`, file);
    },
  };
}

export function storeMessages(file: VFile): StoredMessage[] {
  return file.messages.map((message) => ({
    reason: message.reason,
    ...(message.line ? { line: message.line, column: message.column ?? 1 } : {}),
    ...(message.ruleId ? { ruleId: message.ruleId } : {}),
    ...(message.source ? { source: message.source } : {}),
  }));
}

export function replayMessages(file: VFile, messages: readonly StoredMessage[]): void {
  for (const stored of messages) {
    file.message(stored.reason, {
      ...(stored.line ? { place: { line: stored.line, column: stored.column ?? 1 } } : {}),
      ...(stored.ruleId ? { ruleId: stored.ruleId } : {}),
      ...(stored.source ? { source: stored.source } : {}),
    });
  }
}

let version: string | undefined;

/** The generator's own code and locked dependencies: a new version of either invalidates the cache. */
function generatorVersion(): string {
  if (version) return version;
  const hash = createHash('sha256');
  const root = path.resolve(import.meta.dirname, '../..');
  // The site layer adds the history marks to rendered chapters, and the contract holds the URL shapes.
  for (const dir of ['plugins/contract', 'plugins/remark-spec', 'plugins/model', 'plugins/site']) {
    if (!existsSync(path.join(root, dir))) continue;
    for (const name of readdirSync(path.join(root, dir)).sort()) {
      if (name.endsWith('.ts')) hash.update(name).update(readFileSync(path.join(root, dir, name)));
    }
  }
  try {
    hash.update(readFileSync(path.join(root, 'package-lock.json')));
  } catch {
    // A checkout without a lockfile still caches by its own code.
  }
  version = hash.digest('hex');
  return version;
}
