import { crc32, createZstdDecompress } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';

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
    const zip = await new Promise<ZipFile>((resolve, reject) =>
      yauzl.open(file, { lazyEntries: true, autoClose: false, strictFileNames: false }, (error, opened) => (error ? reject(error) : resolve(opened))),
    );
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
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      this.zip.openReadStream(entry, zstd ? { decodeFileData: false } : {}, (error, opened) => (error ? reject(error) : resolve(opened))),
    );
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
    if (size !== entry.uncompressedSize) throw new Error(`zstd data of ${size} bytes, expected the entry's stated ${entry.uncompressedSize}`);
    if (crc >>> 0 !== entry.crc32 >>> 0) throw new Error("zstd data does not match the entry's CRC-32");
  }

  close(): void {
    this.zip.close();
  }
}
