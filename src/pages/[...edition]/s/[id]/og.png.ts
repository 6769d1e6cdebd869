import path from 'node:path';
import { storeDir } from 'virtual:model-spec';
import { socialImage } from '../../../../../plugins/astro/index.ts';
import { editionParam, views, type View } from '../../../../lib/site';

// One social image per section (examples unfurl with their section's image): a spec has hundreds
// of examples, and a picture of an example's title says little more than its section's. The card
// names no version, so a section unchanged across releases is drawn once and cached for all.
export function getStaticPaths() {
  return views().flatMap((view) =>
    [...view.edition.model.sections.keys()].map((id) => ({ params: { edition: editionParam(view), id }, props: { view, id } })),
  );
}

export async function GET({ props }: { props: { view: View; id: string } }) {
  const { view, id } = props;
  const { section } = view.edition.model.sections.get(id)!;
  const levels = view.edition.model.config.authorityLevels;
  const rank = levels.findIndex((level) => level.name === section.effectiveAuthority);
  const png = await socialImage(
    {
      title: section.title,
      authority: rank < 0 ? null : { label: levels[rank]!.label, rank },
      spec: view.edition.model.config.title,
    },
    path.join(storeDir, '..', 'social-images'),
  );
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
