import { open } from 'node:fs/promises';

/** The first bytes of a file as text: enough to tell which tool wrote it, without reading it all. */
export async function firstBytes(file: string, count: number): Promise<string> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(count);
    const { bytesRead } = await handle.read(buffer, 0, count, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}
