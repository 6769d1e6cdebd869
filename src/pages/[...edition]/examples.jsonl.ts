import { examplesJsonl } from '../../../plugins/model/index.ts';
import { editionParam, views, type View } from '../../lib/site';

export function getStaticPaths() {
  return views().map((view) => ({ params: { edition: editionParam(view) }, props: { view } }));
}

export function GET({ props }: { props: { view: View } }) {
  return new Response(examplesJsonl(props.view.edition.model), { headers: { 'Content-Type': 'application/jsonl' } });
}
