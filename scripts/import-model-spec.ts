/**
 * Imports one upstream OpenAI Model Spec release into chapter files of our format.
 *
 *   npm run import -- <model_spec.md> [--examples <dir>] [--out content/] [--force]
 *                     [--title <text>] [--version <name>] [--no-examples]
 *
 * Writes `<out>/NN-<slug>.md` (one chapter per `#` heading) and `<out>/spec.config.json`, then
 * prints a summary and every warning with its line. See plugins/import-model-spec/README.md.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { importModelSpec, type ImportResult } from '../plugins/import-model-spec/index.ts';

const usage = `Usage: npm run import -- <model_spec.md> [options]

Converts one upstream Model Spec release into chapter files that build without edits.

Options:
  --examples <dir>  eval-prompt files (abcd.md for footnote [^abcd]);
                    default: the examples/ folder next to the source, when there is one
  --no-examples     do not read eval prompts
  --out <dir>       output folder (default: content/)
  --force           replace the chapters and spec.config.json in a non-empty output folder
  --title <text>    site title (default: "Model Spec")
  --version <name>  release name (default: the source folder's name when it is a date)
  -h, --help        show this help`;

function fail(message: string): never {
  console.error(`import-model-spec: ${message}`);
  process.exit(1);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: {
      examples: { type: 'string' },
      'no-examples': { type: 'boolean', default: false },
      out: { type: 'string', default: 'content/' },
      force: { type: 'boolean', default: false },
      title: { type: 'string' },
      version: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (error) {
  fail(`${(error as Error).message}\n\n${usage}`);
}
const { values, positionals } = parsed;
if (values.help) {
  console.log(usage);
  process.exit(0);
}
if (positionals.length !== 1) fail(`expected exactly one source file, got ${positionals.length}\n\n${usage}`);

const sourcePath = path.resolve(positionals[0]!);
if (!existsSync(sourcePath) || !statSync(sourcePath).isFile()) fail(`source file not found: ${positionals[0]}`);
const display = (file: string) => path.relative(process.cwd(), file) || file;

// Eval prompts.
let examplesDir: string | null = null;
if (values.examples && values['no-examples']) fail('--examples and --no-examples exclude each other');
if (values.examples) {
  examplesDir = path.resolve(values.examples);
  if (!existsSync(examplesDir) || !statSync(examplesDir).isDirectory()) fail(`eval-prompt folder not found: ${values.examples}`);
} else if (!values['no-examples']) {
  const sibling = path.join(path.dirname(sourcePath), 'examples');
  if (existsSync(sibling) && statSync(sibling).isDirectory()) examplesDir = sibling;
}
const examples: Record<string, string> = {};
if (examplesDir) {
  for (const entry of readdirSync(examplesDir).sort()) {
    if (!entry.endsWith('.md')) continue;
    examples[entry.slice(0, -3)] = readFileSync(path.join(examplesDir, entry), 'utf8');
  }
}

// Output folder.
const outDir = path.resolve(values.out);
const existing = existsSync(outDir) ? readdirSync(outDir).filter((entry) => !entry.startsWith('.')) : [];
if (existing.length > 0 && !values.force) {
  fail(`${display(outDir)}/ is not empty (${existing.length} entries); pass --force to replace its chapters and spec.config.json`);
}

const folderName = path.basename(path.dirname(sourcePath));
const version = values.version ?? (/^\d{4}-\d{2}-\d{2}$/.test(folderName) ? folderName : '');

console.log(`Reading ${display(sourcePath)}`);
if (examplesDir) console.log(`Eval prompts: ${Object.keys(examples).length} files in ${display(examplesDir)}/`);
else console.log('Eval prompts: none (no examples/ folder; footnotes stay as written)');

const result: ImportResult = importModelSpec(readFileSync(sourcePath, 'utf8'), {
  examples,
  title: values.title ?? null,
  version,
  examplesLabel: examplesDir ? display(examplesDir) : 'examples',
});

if (values.force && existing.length > 0) {
  const removed: string[] = [];
  for (const entry of existing) {
    const full = path.join(outDir, entry);
    if (statSync(full).isFile() && (/\.mdx?$/i.test(entry) || entry === 'spec.config.json')) {
      rmSync(full);
      removed.push(entry);
    } else if (statSync(full).isDirectory()) {
      console.warn(`  note: kept folder ${display(full)}/ (chapters in it would be built too)`);
    }
  }
  if (removed.length > 0) console.log(`Removed ${removed.length} old files from ${display(outDir)}/`);
}
mkdirSync(outDir, { recursive: true });

for (const file of result.files) {
  const target = path.join(outDir, file.path);
  writeFileSync(target, file.content);
  const count = (pattern: RegExp) => (file.content.match(pattern) ?? []).length;
  const parts = [
    `${count(/^::section\{/gm)} sections`,
    `${count(/^\s*:{4,}example\[/gm)} examples`,
    `${count(/^\s*:{4,}prompt\[/gm)} prompts`,
  ];
  console.log(`  wrote ${display(target)}  (${parts.join(', ')})`);
}
const configPath = path.join(outDir, 'spec.config.json');
writeFileSync(configPath, JSON.stringify(result.config, null, 2) + '\n');
console.log(`  wrote ${display(configPath)}  (authority levels: ${result.config.authorityLevels.map((level) => level.name).join(', ')})`);

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
  for (const warning of result.warnings) {
    const file = warning.file ? `${warning.file}` : display(sourcePath);
    console.log(`  ${file}:${warning.line}: ${warning.message}`);
  }
}
console.log(`\nDone. Build it with: SPEC_CONTENT_DIR=${display(outDir)} npm run build${display(outDir) === 'content' ? ' (or just npm run build)' : ''}`);
