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
  // An id a later release gave a section (its old id listed in `oldids` there) lands on the same
  // section under the name it has in this edition.
  const renames = view.site.editions.flatMap((edition) =>
    [...edition.model.targets.values()].flatMap((target) => (target.aliasOf ? [[target.id, target.aliasOf] as const] : [])),
  );
  for (let added = true; added; ) {
    added = false;
    for (const [older, newer] of renames) {
      if (Object.hasOwn(anchors, older) && !Object.hasOwn(anchors, newer)) {
        anchors[newer] = anchors[older]!;
        added = true;
      }
    }
  }
  return new Response(JSON.stringify(anchors), { headers: { 'Content-Type': 'application/json' } });
}
