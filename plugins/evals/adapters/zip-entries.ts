import yauzl, { type Entry, type ZipFile } from 'yauzl';

/**
 * A zip file read one entry at a time: the central directory is listed first (names and sizes
 * only), then each entry is inflated on request, so memory is bounded by the largest entry.
 */
export class ZipEntries {
  private readonly zip: ZipFile;
  /** Each name's first entry. */
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
        else entries.set(entry.fileName, entry);
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
    const entry = this.entries.get(name);
    if (!entry) throw new Error(`no entry \`${name}\``);
    const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
      this.zip.openReadStream(entry, (error, opened) => (error ? reject(error) : resolve(opened))),
    );
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }

  close(): void {
    this.zip.close();
  }
}
