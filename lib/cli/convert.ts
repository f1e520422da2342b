/**
 * `npm run convert -- --to FORMAT FILE`: converts a BibTeX, CSL-JSON, RIS or Paperlight backup file (detected
 * from its content) to bibtex, csl-json, ris, markdown, csv or backup, on stdout. It runs the extension's own
 * import and export code (lib/formats), so a file converts here exactly when it would import there.
 *
 * Only the converted text goes to stdout; warnings go to stderr. Bad input exits 1 with the error, which names
 * the entry and its line, on stderr; bad arguments exit 2. `FILE` may be `-` for stdin. `--from FORMAT` skips
 * detection.
 */
import { readFileSync, statSync } from 'node:fs';
import { EXPORT_FORMATS, exportSnapshot, isExportFormat } from '../formats/export';
import { IMPORT_FORMATS, readLibraryFile, type ImportFormat } from '../formats/import';
import { MAX_INPUT_BYTES, tooLargeError } from '../formats/input';

const USAGE = `usage: npm run convert -- --to FORMAT [--from FORMAT] FILE
  --to    ${EXPORT_FORMATS.join(', ')}
  --from  ${IMPORT_FORMATS.join(', ')} (default: detected from the content)
  FILE    a path, or - for stdin`;

function fail(message: string, code: number): never {
  process.stderr.write(message.endsWith('\n') ? message : message + '\n');
  process.exit(code);
}

function option(args: string[], name: string): string | undefined {
  const index = args.findIndex((a) => a === name || a.startsWith(`${name}=`));
  if (index < 0) return undefined;
  const arg = args[index]!;
  const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : args[index + 1];
  args.splice(index, arg.includes('=') ? 1 : 2);
  if (value === undefined) fail(`convert: ${name} needs a value\n${USAGE}`, 2);
  return value;
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE + '\n');
  process.exit(0);
}
const to = option(args, '--to');
const from = option(args, '--from') ?? 'auto';
if (!to || !isExportFormat(to)) fail(`convert: --to must be one of ${EXPORT_FORMATS.join(', ')}\n${USAGE}`, 2);
if (from !== 'auto' && !(IMPORT_FORMATS as readonly string[]).includes(from)) {
  fail(`convert: --from must be one of ${IMPORT_FORMATS.join(', ')}\n${USAGE}`, 2);
}
if (args.length !== 1 || args[0]!.startsWith('--')) fail(`convert: expected exactly one input file\n${USAGE}`, 2);
const file = args[0]!;

let bytes: Uint8Array;
try {
  if (file !== '-') {
    // Refuse an oversized file before reading it, as the extension refuses it before parsing.
    const size = statSync(file).size;
    if (size > MAX_INPUT_BYTES) fail(`convert: ${file}: ${tooLargeError(size).message}`, 1);
  }
  bytes = readFileSync(file === '-' ? 0 : file);
} catch (e) {
  fail(`convert: ${file}: cannot read the file (${(e as Error).message})`, 1);
}

const result = readLibraryFile(bytes, from as ImportFormat | 'auto');
if (!result.ok) fail(`convert: ${file}: ${result.error.message}`, 1);
for (const warning of result.preview.warnings) process.stderr.write(`convert: ${file}: ${warning}\n`);
process.stdout.write(exportSnapshot(result.snapshot, to));
