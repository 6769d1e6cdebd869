// Astro 7 and Vitest 5 need Node >= 22.12. The pinned `node` devDependency provides Node 24 to
// `npm run …`; this guard turns a silent wrong-runtime run into a clear error.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `model-spec-site needs Node >= 22.12, but this is Node ${process.versions.node}.\n` +
      'Run scripts through npm (`npm run build`, `npm test`) after `npm install`, which installs Node 24\n' +
      'as a devDependency; `npm install --ignore-scripts` skips that step and cannot work.',
  );
  process.exit(1);
}
