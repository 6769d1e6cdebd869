import { editionLabel, listedEditions } from '../components/edition-label';
import { site } from '../lib/site';
import type { EditionsData } from '../scripts/editions';

/** The editions and how ids carry over between them (src/scripts/editions.ts reads it in the browser). */
export function GET() {
  const model = site();
  const renames = new Map<string, { from: string; to: string }>();
  for (const edition of model.editions) {
    for (const target of edition.model.targets.values()) {
      if (target.aliasOf) renames.set(`${target.id}>${target.aliasOf}`, { from: target.id, to: target.aliasOf });
    }
  }
  const data: EditionsData = {
    editions: listedEditions(model).map((edition) => ({
      version: edition.version,
      label: editionLabel(model, edition),
      prefix: edition.prefix,
      date: edition.date,
      latest: edition.latest,
    })),
    renames: [...renames.values()],
    removals: model.removed.map((removed) => ({ id: removed.id, see: removed.see?.aliasOf ?? removed.see?.id ?? null })),
  };
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
}
