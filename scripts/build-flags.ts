// The options `npm run build` takes, read once by scripts/build.ts (which needs --outDir and
// --force before Astro starts) and again by scripts/astro-build.ts (which hands them to Astro).
import { parseArgs } from 'node:util';

const options = {
  outDir: { type: 'string' },
  site: { type: 'string' },
  base: { type: 'string' },
  mode: { type: 'string' },
  force: { type: 'boolean' },
  verbose: { type: 'boolean' },
  silent: { type: 'boolean' },
} as const;

/** The build's options from `args`; an option it does not take ends the process with a message naming those it does. */
export function buildFlags(args: string[]) {
  try {
    return parseArgs({ args, options, strict: true }).values;
  } catch (error) {
    const taken = Object.keys(options).map((name) => `--${name}`);
    console.error(
      `npm run build: ${(error as Error).message} (this wrapper takes ${taken.slice(0, -1).join(', ')} and ${taken.at(-1)}; \`npx astro build\` takes the rest)`,
    );
    process.exit(2);
  }
}
