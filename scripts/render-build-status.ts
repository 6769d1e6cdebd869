/** The exit status of scripts/render-build.ts when the kept renderer cannot build this site: build it in full. */
export const NOT_RENDERED = 75;
