import type { Plugin } from 'vite';

const id = 'virtual:model-spec';
const resolvedId = '\0' + id;

/**
 * `virtual:model-spec` tells pages where the integration stored the site model (they read it again
 * when the dev server rewrote it) and how to import the `.mdx` chapters, which Astro's MDX
 * integration compiles.
 */
export function modelSpecModule(state: () => { storeDir: string; mdxFiles: string[] }): Plugin & { invalidate(): void } {
  let invalidate = () => {};
  return {
    name: 'model-spec-site:virtual-module',
    resolveId: (source) => (source === id ? resolvedId : undefined),
    load(source) {
      if (source !== resolvedId) return undefined;
      const { storeDir, mdxFiles } = state();
      const imports = mdxFiles.map((file) => `  ${JSON.stringify(file)}: () => import(${JSON.stringify(file)}),`).join('\n');
      return `export const storeDir = ${JSON.stringify(storeDir)};\nexport const mdxChapters = {\n${imports}\n};\n`;
    },
    configureServer(server) {
      invalidate = () => {
        for (const environment of Object.values(server.environments)) {
          const module = environment.moduleGraph.getModuleById(resolvedId);
          if (module) environment.moduleGraph.invalidateModule(module);
        }
      };
    },
    invalidate: () => invalidate(),
  };
}
