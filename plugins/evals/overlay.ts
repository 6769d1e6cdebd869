import { createHash } from 'node:crypto';
import type { VFile } from 'vfile';
import type { SpecConfig } from '../model/index.ts';
import type { SpecModel } from '../model/index.ts';
import { formatMessages, SpecError } from '../model/index.ts';
import type { Removals } from '../releases/index.ts';
import { evalBars } from './bars.ts';
import { editionEvals, type EditionEvals } from './data.ts';
import { loadEvals } from './load.ts';

/** The evals of a whole site: each edition's data, and the messages about the run files. */
export interface SiteEvals {
  editions: Map<string, EditionEvals>;
  files: VFile[];
}

/**
 * Reads the eval runs for every edition of a site and makes the marks its pages show. A run file
 * with an error (unreadable, no or an unknown release) stops the build with every message; the
 * warnings (unmapped ids, unknown verdicts, duplicates) are logged and listed on the evals page.
 */
export function evalOverlay(contentDir: string, config: SpecConfig, onLoad: (evals: SiteEvals) => void, log: (text: string) => void = console.warn) {
  return async (editions: Array<{ release: string; model: SpecModel }>, removals: Removals) => {
    const { runs, files } = await loadEvals(contentDir, config, editions, removals);
    const withMessages = files.filter((file) => file.messages.length > 0);
    if (withMessages.some((file) => file.messages.some((message) => message.fatal))) throw new SpecError(formatMessages(withMessages), withMessages);
    if (withMessages.length > 0) log(formatMessages(withMessages));
    const data = editionEvals(runs, editions, removals, config.evals.illustrative);
    onLoad({ editions: data, files });
    const key = createHash('sha256')
      .update(
        JSON.stringify(
          [...data.values()].map((edition) => [
            edition.release,
            edition.illustrative,
            edition.sections,
            edition.examples,
            edition.runs.map((run) => [run.id, run.model]),
          ]),
        ),
      )
      .digest('hex');
    return {
      key,
      annotate: (release: string) => {
        const edition = data.get(release);
        return edition && edition.runs.length > 0 ? evalBars(edition) : undefined;
      },
    };
  };
}
