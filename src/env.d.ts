declare module 'virtual:model-spec' {
  /** Where the integration stored the site model (see plugins/astro/store.ts). */
  export const storeDir: string;
  /** The `.mdx` chapters by absolute path, compiled by Astro's MDX integration. */
  export const mdxChapters: Record<string, () => Promise<{ default: (props: Record<string, unknown>) => unknown }>>;
}
