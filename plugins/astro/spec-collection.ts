import { glob, type Loader } from 'astro/loaders';
import { getSpec, type LoadedSpec } from '../model/loader.ts';

const signatures = new WeakMap<LoadedSpec, string>();

/** Every id's title and place: what a chapter's rendered cross-references depend on. */
function targetsSignature(spec: LoadedSpec): string {
  let signature = signatures.get(spec);
  if (signature === undefined) {
    signature = [...spec.targets.values()].map((target) => `${target.id}=${target.title}@${target.href}`).join('\n');
    signatures.set(spec, signature);
  }
  return signature;
}

/**
 * The spec's chapters as a content collection: Astro's glob loader, except that an entry's digest
 * also covers every section and example title. Astro re-renders an entry only when its digest
 * changes, so without this a chapter would keep showing the old title of a section renamed in
 * another file (`[?](#id)`) until the chapter itself was edited.
 */
export function specCollectionLoader(contentDir: string): Loader {
  const inner = glob({ pattern: '**/[^_]*.{md,mdx}', base: contentDir });
  const signature = (): string => {
    try {
      return targetsSignature(getSpec(contentDir));
    } catch {
      // A spec with errors is reported by the integration; the entry still renders.
      return '';
    }
  };
  return {
    ...inner,
    name: 'model-spec-site',
    load: (context) =>
      inner.load({
        ...context,
        generateDigest: (data) => context.generateDigest(typeof data === 'string' ? `${data}\u0000${signature()}` : data),
      }),
  };
}
