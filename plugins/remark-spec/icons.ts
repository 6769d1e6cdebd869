import type { Element } from 'hast';
import { h } from 'hastscript';

/**
 * The icons of spec pages, each drawn once in a sprite the page includes (`iconSprite`) and used
 * by reference (`<use href>`): a chapter shows one menu icon per section and example, and an
 * inline copy of the path for each would cost more than the text of a short section.
 */
export const iconPaths = {
  more: {
    viewBox: '0 0 16 16',
    d: 'M3 6.5a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm5 0a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3zm5 0a1.5 1.5 0 1 1 0 3 1.5 1.5 0 0 1 0-3z',
  },
  examples: { viewBox: '0 0 16 16', d: 'M2 2h12v9H6l-3 3v-3H2z' },
  menu: { viewBox: '0 0 24 24', d: 'M3 6h18v2H3zm0 5h18v2H3zm0 5h18v2H3z' },
  up: { viewBox: '0 0 24 24', d: 'M12 5l-7 7 1.4 1.4L11 8.8V20h2V8.8l4.6 4.6L19 12z' },
} as const;

export type IconName = keyof typeof iconPaths;

/** The element id of an icon's symbol in the sprite. */
export const iconId = (name: IconName) => `ms-i-${name}`;

/** One icon, drawn from the sprite; decorative (its control names itself). */
export function icon(name: IconName, size: number): Element {
  return h('svg', { width: size, height: size, ariaHidden: 'true' }, [h('use', { href: `#${iconId(name)}` })]);
}

/**
 * The sprite, as HTML for the host page to include once (before or after the content): pages
 * rendered by the plugin reference its symbols.
 */
export function iconSprite(): string {
  const symbols = Object.entries(iconPaths).map(
    ([name, { viewBox, d }]) => `<symbol id="${iconId(name as IconName)}" viewBox="${viewBox}"><path fill="currentColor" d="${d}"/></symbol>`,
  );
  return `<svg xmlns="http://www.w3.org/2000/svg" aria-hidden="true" style="position:absolute;width:0;height:0;overflow:hidden">${symbols.join('')}</svg>`;
}
