import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/**
 * The encoding of a JSON or JSONL file from its first bytes: UTF-8 unless a byte order mark or
 * the zero bytes of an ASCII first character say UTF-16. Windows PowerShell 5 writes UTF-16 for
 * `inspect log dump x.eval > x.json` and `promptfoo eval … > out.jsonl`.
 */
export function textEncodingOf(bytes: Uint8Array): TextEncoding {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  if (bytes.length >= 2 && bytes[0] !== 0 && bytes[1] === 0) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0 && bytes[1] !== 0) return 'utf-16be';
  return 'utf-8';
}

/** The first bytes of a file as text, in its encoding: enough to tell which tool wrote it, without reading it all. */
export async function firstText(file: string, count: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    const bytes = buffer.subarray(0, bytesRead);
    return new TextDecoder(textEncodingOf(bytes)).decode(bytes, { stream: true });
  } finally {
    await handle.close();
  }
}

/** A file's text in chunks, decoded in its encoding (a byte order mark dropped): any size in bounded memory. */
export async function* textChunks(file: string): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  for await (const chunk of createReadStream(file)) {
    decoder ??= new TextDecoder(textEncodingOf(chunk as Buffer));
    const text = decoder.decode(chunk as Buffer, { stream: true });
    if (text) yield text;
  }
  const rest = decoder?.decode();
  if (rest) yield rest;
}
