// `astro build` through Astro's JavaScript API, run by `npm run build` (scripts/build.ts), minus
// the type generation the CLI does first: that step starts a second Vite server to sync content
// collections and write `.astro/` types, and this project has no collections (the pages read the
// model from the integration's store). Without it a cold build's peak memory is 30-80 MB lower
// (its time did not change measurably). `astro dev` and `npx astro sync` still write the types;
// `npx astro build` still works as Astro ships it.
import { parseArgs } from 'node:util';
import { build } from 'astro';

let flags: ReturnType<typeof readFlags>;
try {
  flags = readFlags();
} catch (error) {
  console.error(
    `npm run build: ${(error as Error).message} (this wrapper takes --outDir, --site, --base, --mode, --force, --verbose and --silent; \`npx astro build\` takes the rest)`,
  );
  process.exit(2);
}

function readFlags() {
  return parseArgs({
    options: {
      outDir: { type: 'string' },
      site: { type: 'string' },
      base: { type: 'string' },
      mode: { type: 'string' },
      force: { type: 'boolean' },
      verbose: { type: 'boolean' },
      silent: { type: 'boolean' },
    },
    strict: true,
  }).values;
}

// `sync` is an option of Astro's builder that `build()` passes through but does not declare.
const options = { devOutput: false, sync: false };
try {
  await build(
    {
      root: process.cwd(),
      ...(flags.outDir ? { outDir: flags.outDir } : {}),
      ...(flags.site ? { site: flags.site } : {}),
      ...(flags.base ? { base: flags.base } : {}),
      ...(flags.mode ? { mode: flags.mode } : {}),
      ...(flags.force ? { force: true } : {}),
      ...(flags.verbose ? { logLevel: 'debug' as const } : flags.silent ? { logLevel: 'silent' as const } : {}),
    },
    options,
  );
} catch (error) {
  // As the CLI does: the message (the integration's content reports are all message), not a trace into Astro.
  const { message, hint } = error as { message?: string; hint?: string };
  console.error(message ?? String(error));
  if (hint) console.error(`Hint: ${hint}`);
  process.exit(1);
}
