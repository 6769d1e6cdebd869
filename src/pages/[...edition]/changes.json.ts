import { changesJson } from '../../../plugins/releases/index.ts';
import { editionParam, views, type View } from '../../lib/site';

export function getStaticPaths() {
  return views()
    .filter((view) => view.edition.changes)
    .map((view) => ({ params: { edition: editionParam(view) }, props: { view } }));
}

/** What changed since the previous release, as data (schema: /schemas/changes.schema.json). */
export function GET({ props }: { props: { view: View } }) {
  const { view } = props;
  const data = { $schema: view.urls.absolute(view.urls.site('schemas/changes.schema.json')), ...changesJson(view.edition.changes!) };
  return new Response(JSON.stringify(data, null, 2) + '\n', { headers: { 'Content-Type': 'application/json' } });
}
