import { editionParam, removedHref, views, type View } from '../../lib/site';

export function getStaticPaths() {
  return views().map((view) => ({ params: { edition: editionParam(view) }, props: { view } }));
}

/** Every section, example and old id of the edition → its URL: what the client-side `#id` resolver reads. */
export function GET({ props }: { props: { view: View } }) {
  const { view } = props;
  // A prototype-free object: ids such as `constructor` are keys like any other.
  const anchors: Record<string, string> = Object.create(null);
  for (const target of view.edition.model.targets.values()) anchors[target.id] = view.urls.target(target.chapter, target.aliasOf ?? target.id);
  // At the root, ids removed on purpose lead to what replaced them, which says so.
  if (view.edition.prefix === '') for (const removed of view.site.removed) anchors[removed.id] ??= removedHref(view, removed);
  return new Response(JSON.stringify(anchors), { headers: { 'Content-Type': 'application/json' } });
}
