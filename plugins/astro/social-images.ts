import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { crc32, deflateSync } from 'node:zlib';
import { Resvg } from '@resvg/resvg-js';
import satori from 'satori';
import { cachedImagePath } from './card-files.ts';
import { drawableText, fontsFor } from './card-fonts.ts';

export type { SocialCard } from './card-files.ts';
import type { SocialCard } from './card-files.ts';

export const SOCIAL_IMAGE_SIZE = { width: 1200, height: 630 } as const;

/** The rank scale of the site's badges (spec.css, light), highest first. */
const RANKS = ['#4c1d95', '#3730a3', '#1d4ea8', '#345a78', '#4b5563', '#5f6670'];

/**
 * The PNG for one card, drawn with satori and resvg at build time, or read from `cacheDir` when
 * an identical card was drawn before (by this build or an earlier one).
 */
export async function socialImage(card: SocialCard, cacheDir: string): Promise<Buffer> {
  const file = cachedImagePath(card, cacheDir);
  try {
    return readFileSync(file);
  } catch {
    // Not drawn yet.
  }
  const png = await drawCard(card);
  mkdirSync(cacheDir, { recursive: true });
  // Written aside and renamed: a build stopped halfway never leaves a truncated image behind.
  const partial = `${file}.${process.pid}.tmp`;
  writeFileSync(partial, png);
  renameSync(partial, file);
  return png;
}

let toldUndrawable = false;

async function drawCard(card: SocialCard): Promise<Buffer> {
  const colour = card.authority ? RANKS[Math.min(card.authority.rank, RANKS.length - 1)]! : RANKS[4]!;
  const drawable = drawableText(card.title);
  // Said for the first such title only: a spec in Japanese would print one line per section.
  if (drawable.missing.length > 0 && !toldUndrawable) {
    toldUndrawable = true;
    console.warn(
      `og.png: the title "${card.title.slice(0, 60)}" has characters the bundled fonts cannot draw (${drawable.missing.slice(0, 10).join(' ')}); the image shows the title without them (said for the first such title only)`,
    );
  }
  const spec = drawableText(card.spec).text;
  // A title and spec title none of which can be drawn show the section's id, never a blank card.
  const shown = drawable.text || spec || `#${card.id}`;
  const title = shown.length > 110 ? `${shown.slice(0, 107)}…` : shown;
  const label = card.authority ? drawableText(`${card.authority.label} authority`).text : '';
  const { fonts, family } = fontsFor(spec + title + label);
  const node = (type: string, style: Record<string, unknown>, children?: unknown) => ({ type, props: { style, children } });
  const footer = label
    ? [node('div', { display: 'flex', padding: '6px 26px', borderRadius: 999, background: colour, color: '#ffffff', fontWeight: 700 }, label)]
    : [];
  const svg = await satori(
    node(
      'div',
      {
        width: SOCIAL_IMAGE_SIZE.width,
        height: SOCIAL_IMAGE_SIZE.height,
        boxSizing: 'border-box',
        display: 'flex',
        flexDirection: 'column',
        padding: '56px 72px',
        background: '#ffffff',
        borderTop: `18px solid ${colour}`,
        fontFamily: family,
        color: '#1b1f24',
      },
      [
        node('div', { display: 'flex', fontSize: 30, color: '#57606a' }, spec),
        node(
          'div',
          {
            display: 'flex',
            flexGrow: 1,
            alignItems: 'center',
            fontSize: title.length > 60 ? 58 : 70,
            fontWeight: 700,
            lineHeight: 1.12,
            letterSpacing: '-0.02em',
          },
          title,
        ),
        node('div', { display: 'flex', alignItems: 'center', fontSize: 30 }, footer),
      ],
    ) as unknown as Parameters<typeof satori>[0], // satori reads React-shaped elements; these are built without React
    { ...SOCIAL_IMAGE_SIZE, fonts },
  );
  const png = rasterize(svg);
  // resvg's native image (3 MB) is freed only when V8 collects its wrapper, and V8, which does not
  // see that memory, seldom collects in a thread that allocates little: 77 cards held about 70 MB
  // until the build's end, its peak. A young-generation collection after each card (under half a
  // millisecond) finds the wrappers of this card, and the finalizers that free their images run
  // on the next turn of the event loop; without that turn, a loop of cards kept every image (1.1 GB).
  collectYoung();
  await new Promise((resolve) => setImmediate(resolve));
  return png;
}

/**
 * The SVG as a PNG. Its own function so that nothing on the caller's stack holds the native
 * image when `collectYoung` runs. satori draws the text as paths, so resvg needs no fonts: loading
 * the system's for every card was half of its time. Rasterized on this thread (the build's files
 * worker), not with `renderAsync` on libuv's pool: one thread reuses one allocator heap, where
 * each pool thread took fresh pages for every 3 MB image (77 cards: 15 instead of 22 ms each, a
 * third of the page faults).
 */
function rasterize(svg: string): Buffer {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: SOCIAL_IMAGE_SIZE.width }, font: { loadSystemFonts: false } }).render();
  return encodePng(image.width, image.height, image.pixels);
}

/**
 * V8's young-generation collection. Node offers `gc` only under `--expose-gc`: the flag is set
 * here, as the worker runs, and the function read from a fresh context, where V8 then installs it.
 * Without it (a runtime that refuses the flag), cards are drawn as before, their memory freed later.
 */
const collectYoung: () => void = (() => {
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as (options: { type: 'minor' }) => void;
    return () => gc({ type: 'minor' });
  } catch {
    return () => {};
  }
})();

/**
 * RGBA pixels as a PNG. Written here rather than taken from resvg's `asPng()`: its encoder, at its
 * fixed compression, was a third of each card's cost (13 ms); a PNG is three chunks around a zlib
 * stream, and node:zlib at level 3 writes a card in 5 ms for a file about 8% larger. Rows are
 * stored unfiltered (filter type 0), which suits flat backgrounds with text.
 */
export function encodePng(width: number, height: number, rgba: Buffer): Buffer {
  const row = width * 4;
  const size = (row + 1) * height;
  // Every card is the same size: one buffer serves them all. Its filter bytes (0) are never
  // written over. A fresh zeroed 3 MB buffer per card was 58,000 of a cold build's 270,000 page
  // faults, each a trip into the kernel.
  if (rows?.length !== size) rows = Buffer.alloc(size);
  const raw = rows;
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (row + 1) + 1, y * row, (y + 1) * row);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', header), chunk('IDAT', deflateSync(raw, { level: 3 })), chunk('IEND', Buffer.alloc(0))]);
}

/** The rows `encodePng` deflates, with a filter byte before each. */
let rows: Buffer | undefined;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const framed = Buffer.alloc(typed.length + 8);
  framed.writeUInt32BE(data.length, 0);
  typed.copy(framed, 4);
  framed.writeUInt32BE(crc32(typed), typed.length + 4);
  return framed;
}
