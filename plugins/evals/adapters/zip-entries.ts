import { crc32, createZstdDecompress, inflateRawSync, zstdDecompressSync } from 'node:zlib';
import { readFileSync, statSync } from 'node:fs';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

/** Entries compressed to at most this size are inflated in one synchronous call. */
const syncBytes = 1024 * 1024;
/** Zip files up to this size are read into memory at once. */
const wholeFileBytes = 64 * 1024 * 1024;

/** Zstandard, the method Inspect writes `.eval` entries with since 0.3.206; yauzl inflates only deflate (8). */
const zstdMethod = 93;

/**
 * A zip file read one entry at a time: the central directory is listed first (names and sizes
 * only), then each entry is inflated on request, so memory is bounded by the largest entry.
 */
export class ZipEntries {
  private readonly zip: ZipFile;
  /** Each name's last entry: Inspect appends a re-run sample under the same name, and reads the last. */
  readonly entries: Map<string, Entry>;
  /** Names the zip holds more than once (a damaged or hand-made archive), with how many times. */
  readonly repeated: Map<string, number>;

  private constructor(zip: ZipFile, entries: Map<string, Entry>, repeated: Map<string, number>) {
    this.zip = zip;
    this.entries = entries;
    this.repeated = repeated;
  }

  static async open(file: string): Promise<ZipEntries> {
    const options = { lazyEntries: true, autoClose: false, strictFileNames: false };
    const done = (resolve: (zip: ZipFile) => void, reject: (error: Error) => void) => (error: Error | null, opened: ZipFile) =>
      error ? reject(error) : resolve(opened);
    // A log of many small samples read from the file costs two reads per entry, each a trip to
    // libuv's thread pool (70,000 entries: 22 s, most of it waiting); read whole, it is in memory.
    const zip =
      statSync(file).size <= wholeFileBytes
        ? await new Promise<ZipFile>((resolve, reject) => yauzl.fromBuffer(readFileSync(file), options, done(resolve, reject)))
        : await new Promise<ZipFile>((resolve, reject) => yauzl.open(file, options, done(resolve, reject)));
    const entries = new Map<string, Entry>();
    const repeated = new Map<string, number>();
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: Entry) => {
        if (entries.has(entry.fileName)) repeated.set(entry.fileName, (repeated.get(entry.fileName) ?? 1) + 1);
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
    return new ZipEntries(zip, entries, repeated);
  }

  /** The entry's text (UTF-8); rejects when it is damaged (bad compressed data, wrong size or CRC). */
  async text(name: string): Promise<string> {
    const chunks: Buffer[] = [];
    for await (const chunk of this.chunks(name)) chunks.push(chunk);
    return Buffer.concat(chunks).toString('utf8');
  }

  /** The entry's bytes as they inflate, for an entry too large to hold as one string; throws, at the end at the latest, when it is damaged. */
  async *chunks(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`no entry \`${name}\``);
    const zstd = entry.compressionMethod === zstdMethod;
    // A small entry is inflated in one synchronous call: a stream through zlib is a trip to the
    // thread pool, which for thousands of small samples was most of the time spent waiting.
    const small = entry.compressedSize <= syncBytes && [0, 8, zstdMethod].includes(entry.compressionMethod);
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      this.zip.openReadStream(entry, zstd || small ? { decodeFileData: false } : {}, (error, opened) => (error ? reject(error) : resolve(opened))),
    );
    if (small) {
      const raw: Buffer[] = [];
      for await (const chunk of stream) raw.push(chunk as Buffer);
      const bytes = Buffer.concat(raw);
      const limit = { maxOutputLength: Math.max(1, entry.uncompressedSize) };
      const data = entry.compressionMethod === 0 ? bytes : zstd ? zstdDecompressSync(bytes, limit) : inflateRawSync(bytes, limit);
      checkInflated(entry, data.length, crc32(data));
      yield data;
      return;
    }
    if (!zstd) {
      for await (const chunk of stream) yield chunk as Buffer;
      return;
    }
    // yauzl checks sizes only for what it decodes itself: here the stated size bounds the output
    // (a small entry cannot expand without limit) and the CRC is checked as unzip would.
    let size = 0;
    let crc = 0;
    for await (const chunk of stream.pipe(createZstdDecompress())) {
      size += (chunk as Buffer).length;
      if (size > entry.uncompressedSize) throw new Error(`zstd data larger than the entry's stated ${entry.uncompressedSize} bytes`);
      crc = crc32(chunk as Buffer, crc);
      yield chunk as Buffer;
    }
    checkInflated(entry, size, crc);
  }

  close(): void {
    this.zip.close();
  }
}

/**
 * What yauzl checks only for data it inflates itself: the stated size (which also bounds the
 * output, so a small entry cannot expand without limit) and the CRC, as unzip would.
 */
function checkInflated(entry: Entry, size: number, crc: number): void {
  if (size !== entry.uncompressedSize) throw new Error(`inflated data of ${size} bytes, expected the entry's stated ${entry.uncompressedSize}`);
  if (crc >>> 0 !== entry.crc32 >>> 0) throw new Error("inflated data does not match the entry's CRC-32");
}
