// `astro build` through Astro's JavaScript API, run by `npm run build` (scripts/build.ts), minus
// the type generation the CLI does first: that step starts a second Vite server to sync content
// collections and write `.astro/` types, and this project has no collections (the pages read the
// model from the integration's store). Without it a cold build's peak memory is 30-80 MB lower
// (its time did not change measurably). `astro dev` and `npx astro sync` still write the types;
// `npx astro build` still works as Astro ships it.
import { build } from 'astro';
import { buildFlags } from './build-flags.ts';

const flags = buildFlags(process.argv.slice(2));

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
