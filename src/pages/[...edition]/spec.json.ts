import { specJson } from '../../../plugins/model/index.ts';
import { editionParam, views, type View } from '../../lib/site';

export function getStaticPaths() {
  return views().map((view) => ({ params: { edition: editionParam(view) }, props: { view } }));
}

/** Each edition's data: `/spec.json` is the root's (the latest release, or the draft while nothing is released). */
export function GET({ props }: { props: { view: View } }) {
  return new Response(JSON.stringify(specJson(props.view.edition.model), null, 2) + '\n', { headers: { 'Content-Type': 'application/json' } });
}
