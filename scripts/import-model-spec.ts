/**
 * Imports one upstream OpenAI Model Spec release into chapter files of our format.
 *
 *   npm run import -- <model_spec.md> [--examples <dir>] [--out content/] [--force]
 *                     [--title <text>] [--version <name>] [--site <origin>] [--no-examples]
 *                     [--release <version> [--date YYYY-MM-DD] [--notes FILE] [--map FILE]]
 *
 * Writes `<out>/NN-<slug>.md` (one chapter per `#` heading) and `<out>/spec.config.json` after
 * checking them in a temporary folder beside `<out>`, then prints a summary and every warning with
 * its line. With `--release` the import becomes the draft and is frozen as that release. See
 * plugins/import-model-spec/README.md.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  mergeConfig,
  addOldIds,
  readMapping,
  resolveMapping,
  type Removal,
  configName,
  finishPendingImport,
  sourceAssets,
  ImportError,
  planOutput,
  writeValidated,
  type OutputPlan,
  indexIds,
  publishedIds,
  readChapters,
  releaseChapters,
  findVanished,
  mappingTemplate,
  type VanishedId,
} from '../plugins/import-model-spec/index.ts';
import { importModelSpec, type ImportResult } from '../plugins/import-model-spec/index.ts';
import { readReleases } from '../plugins/releases/index.ts';
import { checkFreezable, FreezeError, withLock } from '../plugins/releases/index.ts';
import { readRemovals, removalsName } from '../plugins/releases/index.ts';
import { pendingImportFolder, readJsonDocument } from '../plugins/model/index.ts';
import { formatMessages } from '../plugins/model/index.ts';
import type { Release } from '../plugins/releases/index.ts';
import { loadSpec, SpecError } from '../plugins/model/index.ts';
import { ConfigError } from '../plugins/model/index.ts';

const usage = `Usage: npm run import -- <model_spec.md> [options]

Converts one upstream Model Spec release into chapter files that build without edits.

Options:
  --examples <dir>     eval-prompt files (abcd.md for footnote [^abcd]);
                       default: the examples/ folder next to the source, when there is one
  --no-examples        do not read eval prompts
  --out <dir>          output folder (default: content/)
  --force              replace the chapters and spec.config.json in a non-empty output folder
                       (releases/, removals.json and other files are kept)
  --title <text>       site title (default: "Model Spec", or the existing config's)
  --site <origin>      where the site will be deployed (https://…), for canonical, citation
                       and share URLs (default: the existing config's; none: example.com)
  --version <name>     release name (default: the source folder's name when it is a date)
  --release <version>  import as the draft of --out and freeze it as this release
  --date YYYY-MM-DD    release date (default: the version when it is a date)
  --notes <file>       release notes (Markdown) for the frozen release
  --map <file>         JSON mapping for ids earlier releases published that the import lacks:
                       { "old_id": "new_section_id" } or
                       { "old_id": { "removed": "one line of why", "see": "other_id" | null } }
  -h, --help           show this help`;

const display = (file: string) => path.relative(process.cwd(), file) || '.';
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

function parse() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        examples: { type: 'string' },
        'no-examples': { type: 'boolean', default: false },
        out: { type: 'string', default: 'content/' },
        force: { type: 'boolean', default: false },
        title: { type: 'string' },
        site: { type: 'string' },
        version: { type: 'string' },
        release: { type: 'string' },
        date: { type: 'string' },
        notes: { type: 'string' },
        map: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new ImportError(`${(error as Error).message}\n\n${usage}`);
  }
}

/** An input that must be an existing file. */
function inputFile(option: string, given: string, expected: string): string {
  const full = path.resolve(given);
  if (!existsSync(full)) throw new ImportError(`${option}${given}: Unexpected missing file, expected ${expected}`);
  if (!statSync(full).isFile()) throw new ImportError(`${option}${given}: Unexpected a folder, expected ${expected}`);
  return full;
}

function readExamples(dir: string): Record<string, string> {
  const examples: Record<string, string> = {};
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.name.endsWith('.md')) continue;
    const full = path.join(dir, entry.name);
    if (!statSync(full).isFile()) {
      throw new ImportError(
        `${display(full)}: Unexpected a folder named like an eval-prompt file, expected a file (abcd.md for footnote [^abcd]); rename or move it`,
      );
    }
    examples[entry.name.slice(0, -3)] = readFileSync(full, 'utf8');
  }
  return examples;
}

/** True when the draft's chapters are exactly the latest release's: replacing them loses nothing. */
function draftIsLatestRelease(plan: OutputPlan, latest: Release | undefined): boolean {
  if (!latest) return false;
  const draft = plan.replaced.filter((name) => name !== configName);
  const frozen = releaseChapters(latest);
  if (draft.length !== frozen.length || draft.some((name, index) => name !== frozen[index])) return false;
  return draft.every((name) => readFileSync(path.join(plan.outDir, name), 'utf8') === readFileSync(path.join(latest.dir, name), 'utf8'));
}

function readJson(file: string): unknown {
  const document = readJsonDocument(file, { source: 'import-model-spec', ruleId: 'invalid-json', expected: 'a JSON object' });
  if (document.value === undefined) throw new ImportError(formatMessages([document.file]));
  return document.value;
}

function printCandidates(uncovered: readonly VanishedId[]): void {
  for (const gone of uncovered) {
    console.error(`  ${gone.id}  (${gone.was.kind} "${gone.was.title}", last published in ${gone.was.release})`);
    if (gone.candidates.length === 0) console.error('      no candidate: declare it removed');
    for (const candidate of gone.candidates) console.error(`      → ${candidate.id}  (${candidate.kind}; ${candidate.why})`);
  }
}

function freeTemplatePath(dir: string, version: string): string {
  const stem = path.join(dir, `import-map-${version || 'draft'}`);
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? `${stem}.json` : `${stem}-${n}.json`;
    if (!existsSync(candidate)) return candidate;
  }
}

async function main(): Promise<void> {
  const { values, positionals } = parse();
  if (values.help) {
    console.log(usage);
    return;
  }
  if (positionals.length !== 1) throw new ImportError(`expected exactly one source file, got ${positionals.length}\n\n${usage}`);
  if (!existsSync(path.resolve(positionals[0]!))) throw new ImportError(`source file not found: ${positionals[0]}`);
  const sourcePath = inputFile('', positionals[0]!, "the release's model_spec.md");

  // Eval prompts.
  let examplesDir: string | null = null;
  if (values.examples && values['no-examples']) throw new ImportError('--examples and --no-examples exclude each other');
  if (values.examples) {
    examplesDir = path.resolve(values.examples);
    if (!existsSync(examplesDir) || !statSync(examplesDir).isDirectory()) throw new ImportError(`eval-prompt folder not found: ${values.examples}`);
  } else if (!values['no-examples']) {
    const sibling = path.join(path.dirname(sourcePath), 'examples');
    if (existsSync(sibling) && statSync(sibling).isDirectory()) examplesDir = sibling;
  }

  // Release options.
  const release = values.release ?? null;
  if (release !== null && !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(release)) {
    throw new ImportError(`--release ${release}: Unexpected version name, expected a date (2025-12-18) or a semver (1.2.0)`);
  }
  if (release === null && (values.date || values.notes || values.map)) {
    throw new ImportError(
      `${values.date ? '--date' : values.notes ? '--notes' : '--map'}: Unexpected without --release, expected it together with --release <version>`,
    );
  }
  if (release !== null && values.version && values.version !== release) {
    throw new ImportError(`--version ${values.version}: Unexpected a version other than --release ${release}, expected the same name or no --version`);
  }
  const date = values.date ?? (release !== null && isDate(release) ? release : null);
  if (values.date && !isDate(values.date)) throw new ImportError(`--date ${values.date}: Unexpected date, expected YYYY-MM-DD`);
  if (release !== null && date === null)
    throw new ImportError(`--release ${release}: Unexpected release without a date, expected --date YYYY-MM-DD (the version is not a date)`);
  const notesPath = values.notes ? inputFile('--notes ', values.notes, 'a Markdown file of release notes') : null;
  const mapPath = values.map ? inputFile('--map ', values.map, 'a JSON mapping file') : null;

  // Output folder: everything that could refuse the import is checked before anything is written.
  const outDir = path.resolve(values.out);
  const inputs = [{ label: 'source', dir: path.dirname(sourcePath) }, ...(examplesDir ? [{ label: 'eval-prompt', dir: examplesDir }] : [])];
  // An import stopped after its commit point is finished before anything else is read.
  if (existsSync(path.join(outDir, pendingImportFolder)) && withLock(outDir, () => finishPendingImport(outDir))) {
    console.log(`Finished an interrupted import into ${display(outDir)}/ first.`);
  }
  const plan = planOutput(outDir, inputs, display);
  for (const [option, file] of [
    ['--notes', notesPath],
    ['--map', mapPath],
  ] as const) {
    if (file && plan.replaced.some((name) => path.join(outDir, name) === file)) {
      throw new ImportError(`${option} ${display(file)}: Unexpected input among the files the import replaces, expected it outside ${display(outDir)}/`);
    }
  }
  const releases = plan.exists ? readReleases(outDir) : [];
  if (release !== null && releases.some((entry) => entry.version === release)) {
    throw new ImportError(
      `--release ${release}: Unexpected version already released in ${display(path.join(outDir, 'releases', release))}/, expected a new version`,
    );
  }
  // Every refusal the freeze would make about the version and date, made before anything is written.
  if (release !== null) {
    try {
      checkFreezable(outDir, release, date!, releases);
    } catch (error) {
      if (error instanceof FreezeError) throw new ImportError(`--release ${release}: ${error.message}; nothing was written`);
      throw error;
    }
  }
  const draftIsReleased = draftIsLatestRelease(plan, releases[releases.length - 1]);
  if (plan.replaced.length > 0 && !values.force && !(release !== null && draftIsReleased)) {
    throw new ImportError(
      `${display(outDir)}/: Unexpected ${plan.replaced.length} existing files (${plan.replaced.join(', ')}), expected an empty folder, or --force to replace them` +
        (release !== null && releases.length > 0 ? ' (the draft differs from the latest release: unreleased edits would be lost)' : ''),
    );
  }

  const examples = examplesDir ? readExamples(examplesDir) : {};
  const folderName = path.basename(path.dirname(sourcePath));
  const version = release ?? values.version ?? (isDate(folderName) ? folderName : '');

  console.log(`Reading ${display(sourcePath)}`);
  if (examplesDir) console.log(`Eval prompts: ${Object.keys(examples).length} files in ${display(examplesDir)}/`);
  else console.log('Eval prompts: none (no examples/ folder; footnotes stay as written)');

  const sourceText = readFileSync(sourcePath, 'utf8');
  // Example and prompt ids are positional: with releases, each id the latest one published keeps
  // naming the same example (an insertion upstream would otherwise shift the published anchors).
  const published = releases.length > 0 ? publishedIds(releases) : new Map();
  const latest = releases[releases.length - 1];
  const result: ImportResult = importModelSpec(sourceText, {
    examples,
    title: values.title ?? null,
    version,
    examplesLabel: examplesDir ? display(examplesDir) : 'examples',
    history: latest
      ? { version: latest.version, latest: indexIds(readChapters(latest.dir, releaseChapters(latest))), published: new Set(published.keys()) }
      : null,
  });
  let files = result.files.map((file) => ({ ...file }));

  // Ids earlier releases published must still resolve: as ids, old ids, or declared removals.
  const removals: Record<string, Removal> = {};
  if (plan.exists) for (const [id, removal] of readRemovals(outDir)) removals[id] = { see: removal.see, reason: removal.reason };
  let newRemovals: Record<string, Removal> = {};
  if (releases.length > 0) {
    const current = indexIds(files);
    const vanished = findVanished(published, current, new Set(Object.keys(removals)));
    const mapText = mapPath ? readFileSync(mapPath, 'utf8') : null;
    const mapping = mapText !== null ? readMapping(mapText, display(mapPath!)) : { entries: new Map(), problems: [], place: () => ({ line: 1, column: 1 }) };
    if (mapping.problems.length > 0) throw new ImportError(`the mapping file has problems:\n${mapping.problems.map((line) => `  ${line}`).join('\n')}`);
    const declared = new Map(Object.entries(removals).map(([id, removal]) => [id, removal.see]));
    const resolved = resolveMapping(mapping.entries, vanished, current, mapText !== null ? { place: mapping.place, label: display(mapPath!) } : null, declared);
    if (resolved.problems.length > 0) throw new ImportError(`the mapping file has problems:\n${resolved.problems.map((line) => `  ${line}`).join('\n')}`);
    if (resolved.uncovered.length > 0) {
      const template = { ...Object.fromEntries(mapping.entries), ...mappingTemplate(resolved.uncovered) };
      const templatePath = freeTemplatePath(path.dirname(outDir), version);
      writeFileSync(templatePath, JSON.stringify(template, null, 2) + '\n');
      console.error(
        `\n${resolved.uncovered.length} ids published in ${releases.map((entry) => entry.version).join(', ')} are not in this import (upstream did not alias them):`,
      );
      printCandidates(resolved.uncovered);
      console.error(
        `\nA mapping to review and complete was written to ${display(templatePath)}:\n${JSON.stringify(mappingTemplate(resolved.uncovered), null, 2)}`,
      );
      throw new ImportError(`nothing imported: ${resolved.uncovered.length} vanished ids need a mapping; edit ${display(templatePath)} and pass it with --map`);
    }
    for (const { id, section } of resolved.carried) console.log(`  kept old id ${id} on ${section} (as in the latest release)`);
    for (const [section, oldIds] of resolved.oldIds) console.log(`  oldids on ${section}: ${oldIds.join(' ')}`);
    files = addOldIds(files, resolved.oldIds);
    newRemovals = resolved.removals;
    for (const [id, removal] of Object.entries(newRemovals)) console.log(`  removed ${id}${removal.see ? ` (see ${removal.see})` : ''}: ${removal.reason}`);
  }
  // Images and files the chapters reference relative to the source go along (checked here, before
  // anything is written), so that the loader finds them and the site publishes them.
  const assets = sourceAssets(files, { file: sourcePath, text: sourceText }, display);
  const written: Array<{ path: string; content: string | Uint8Array }> = [...files, ...assets];
  if (Object.keys(newRemovals).length > 0) written.push({ path: removalsName, content: JSON.stringify({ ...removals, ...newRemovals }, null, 2) + '\n' });
  const existingConfigPath = path.join(outDir, configName);
  const existingConfig = plan.replaced.includes(configName) ? (readJson(existingConfigPath) as Record<string, unknown>) : null;
  const { config, kept: keptConfig } = mergeConfig(existingConfig, result.config, { titleGiven: values.title !== undefined });
  if (values.site !== undefined) config.site = values.site.replace(/\/+$/, '');
  written.push({ path: configName, content: JSON.stringify(config, null, 2) + '\n' });

  // Check the import in a folder beside --out; --out is only touched when it loads cleanly.
  const warnings: string[] = [];
  // Messages name the temporary folder: warnings are about the files as they will be in --out;
  // errors about those kept in `rejected`, so the files and lines they name exist (--out has none
  // of them, or the old ones).
  const rejected = `${outDir}.rejected-import`;
  const naming = (dir: string) => (text: string) => text.replace(/\S*\.import-[A-Za-z0-9]{6}/g, display(dir));
  const inOut = naming(outDir);
  const inRejected = naming(rejected);
  try {
    // Under the release lock (an import and a release, or two imports, never write one folder at
    // once), all or nothing: the files and the release (--release) go in by a journal.
    writeValidated(
      plan,
      written,
      (dir) => {
        loadSpec(dir, { log: (report) => warnings.push(inOut(report)) });
      },
      release === null ? null : { version: release, date: date!, notesFile: notesPath ?? undefined },
      rejected,
    );
  } catch (error) {
    if (error instanceof FreezeError) throw new ImportError(error.message);
    if (error instanceof SpecError || error instanceof ConfigError) {
      throw new ImportError(
        `the imported files do not load (nothing was changed in ${display(outDir)}/; they are kept for inspection in ${display(rejected)}/, the lines below are theirs):\n${inRejected(error.message)}`,
      );
    }
    throw error;
  }

  if (plan.replaced.length > 0) {
    console.log(`Removed ${plan.replaced.length} files from ${display(outDir)}/:`);
    for (const name of plan.replaced) console.log(`  removed ${display(path.join(outDir, name))}`);
  }
  if (plan.kept.length > 0) console.log(`Kept in ${display(outDir)}/: ${plan.kept.join(', ')}`);
  for (const entry of plan.kept) {
    if (entry.endsWith('/') && entry !== 'releases/' && !assets.some((asset) => asset.path.startsWith(entry)))
      console.warn(`  note: kept folder ${display(path.join(outDir, entry))} (chapters in it would be built too)`);
  }
  for (const file of written) {
    const target = path.join(outDir, file.path);
    const content = file.content;
    if (typeof content !== 'string') {
      console.log(`  copied ${display(target)}  (from ${display(path.join(path.dirname(sourcePath), file.path))})`);
      continue;
    }
    if (file.path === configName) {
      const levels = result.config.authorityLevels.map((level) => level.name).join(', ');
      console.log(`  wrote ${display(target)}  (authority levels: ${levels}${keptConfig.length > 0 ? `; kept ${keptConfig.join(', ')}` : ''})`);
      continue;
    }
    if (file.path === removalsName) {
      console.log(`  wrote ${display(target)}  (${Object.keys(newRemovals).length} new removals)`);
      continue;
    }
    const count = (pattern: RegExp) => (content.match(pattern) ?? []).length;
    const parts = [`${count(/^::section\{/gm)} sections`, `${count(/^\s*:{4,}example\[/gm)} examples`, `${count(/^\s*:{4,}prompt\[/gm)} prompts`];
    console.log(`  wrote ${display(target)}  (${parts.join(', ')})`);
  }

  if (typeof config.site !== 'string') {
    console.log(
      `  note: ${display(path.join(outDir, configName))} has no "site": canonical, citation and share URLs will say https://example.com; pass --site https://… or set "site" in the file`,
    );
  }

  const { summary } = result;
  const rows: Array<[string, string | number]> = [
    ['chapters', summary.chapters],
    ['sections', `${summary.sections} (${summary.sectionsWithAuthority} with authority, ${summary.generatedSectionIds} ids generated)`],
    ['examples', `${summary.examples}${summary.ungradedExamples ? ` (${summary.ungradedExamples} without grades, written as ::::prompt)` : ''}`],
    ['grades', `GOOD ${summary.grades.good} → compliant, BAD ${summary.grades.bad} → violating, OK ${summary.grades.ok} → ok`],
    ['commentary', summary.commentary],
    [
      'eval prompts',
      `${summary.evalPrompts.prompts} from ${summary.evalPrompts.files} files; ${summary.evalPrompts.linkedFootnotes} footnotes linked, ` +
        `${summary.evalPrompts.missingFiles} without a file, ${summary.evalPrompts.uncitedFiles} files uncited`,
    ],
    ['math', `${summary.math.inline} inline, ${summary.math.display} display`],
    ['warnings', summary.warnings],
  ];
  console.log('\nSummary');
  for (const [label, value] of rows) console.log(`  ${label.padEnd(13)}${value}`);

  if (result.warnings.length > 0) {
    console.log('\nWarnings');
    for (const warning of result.warnings) console.log(`  ${warning.file ?? display(sourcePath)}:${warning.line}: ${warning.message}`);
  }
  if (warnings.length > 0) console.log(`\nThe site's checks warn:\n${warnings.join('\n')}`);

  if (release !== null) {
    console.log(`\nFroze release ${release} (${date}) in ${display(path.join(outDir, 'releases', release))}/`);
  }
  console.log(`\nDone. Build it with: SPEC_CONTENT_DIR=${display(outDir)} npm run build${display(outDir) === 'content' ? ' (or just npm run build)' : ''}`);
}

main().catch((error: unknown) => {
  // Expected problems are one line (or a list) with their position; anything else is reported
  // the same way, by its message, never as a stack trace.
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as NodeJS.ErrnoException).code;
  console.error(`import-model-spec: ${code && !(error instanceof ImportError) ? `${message} (${code})` : message}`);
  process.exit(1);
});
