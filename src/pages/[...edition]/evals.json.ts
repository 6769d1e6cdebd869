import { evalsJson } from '../../../plugins/evals/index.ts';
import { evalsOf } from '../../lib/evals';
import { editionParam, views, type View } from '../../lib/site';

export function getStaticPaths() {
  return views().map((view) => ({ params: { edition: editionParam(view) }, props: { view } }));
}

/** Each edition's eval results: runs against it, per section and per example (schema: /schemas/evals.schema.json). */
export function GET({ props }: { props: { view: View } }) {
  const { view } = props;
  return new Response(JSON.stringify(evalsJson(evalsOf(view), view.urls.absolute(view.urls.site('schemas/evals.schema.json'))), null, 1) + '\n', {
    headers: { 'Content-Type': 'application/json' },
  });
}
