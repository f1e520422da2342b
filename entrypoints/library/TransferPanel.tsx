import { useEffect, useRef, useState } from 'preact/hooks';
import { wrap, transfer, type Remote } from 'comlink';
import { sendMessage } from '@/lib/browser/messages';
import { MAX_INPUT_BYTES } from '@/lib/formats/input';
import type { ExportFormat } from '@/lib/formats/export';
import type { ImportPlan } from '@/lib/formats/import';
import type { FormatsWorker } from './formats.worker';
import { errorText } from '@/lib/library/error-text';

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'bibtex', label: 'BibTeX (.bib)' },
  { value: 'csl-json', label: 'CSL-JSON' },
  { value: 'ris', label: 'RIS' },
  { value: 'markdown', label: 'Markdown checklist' },
  { value: 'csv', label: 'CSV' },
  { value: 'backup', label: 'Full backup (JSON)' },
];

/** The formats worker, started on first use and kept for the page's life. */
let worker: Remote<FormatsWorker> | undefined;
function formats(): Remote<FormatsWorker> {
  worker ??= wrap<FormatsWorker>(new Worker(new URL('./formats.worker.ts', import.meta.url), { type: 'module' }));
  return worker;
}

/** "Working…" appears only for work that lasts over a second, with the time it has taken. */
function useSlowWork(): [string | undefined, <T>(label: string, work: Promise<T>) => Promise<T>] {
  const [label, setLabel] = useState<string>();
  const timer = useRef<ReturnType<typeof setInterval> | undefined>(undefined);
  useEffect(() => () => clearInterval(timer.current), []);
  const track = async <T,>(what: string, work: Promise<T>): Promise<T> => {
    const started = Date.now();
    timer.current = setInterval(() => {
      const s = Math.round((Date.now() - started) / 1000);
      if (s >= 1) setLabel(`${what}… ${s} s`);
    }, 250);
    try {
      return await work;
    } finally {
      clearInterval(timer.current);
      setLabel(undefined);
    }
  };
  return [label, track];
}

interface Pending {
  name: string;
  plan: ImportPlan;
  baseRevision: number;
}

/** Export (download) and import (preview, then all-or-nothing) for the library page. */
export function TransferPanel({ listId, listName, onImported }: { listId: string; listName: string; onImported: () => Promise<void> }) {
  const [format, setFormat] = useState<ExportFormat>('bibtex');
  const [scope, setScope] = useState<'list' | 'all'>('list');
  const [pending, setPending] = useState<Pending>();
  const [message, setMessage] = useState('');
  const [progress, track] = useSlowWork();
  const busy = progress !== undefined;

  const exportNow = async () => {
    try {
      const { snapshot } = await sendMessage('getSnapshot', undefined);
      const chosenList = scope === 'list' && format !== 'backup' ? listId : undefined;
      const file = await track('Exporting', formats().exportFile(snapshot, format, chosenList));
      const slug = (chosenList ? listName : 'library').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'list';
      const filename = `paperlight-${slug}-${new Date().toISOString().slice(0, 10)}.${file.extension}`;
      const url = URL.createObjectURL(new Blob([file.text], { type: file.mediaType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage(`Exported ${file.count} paper${file.count === 1 ? '' : 's'} as ${filename}`);
    } catch (e) {
      setMessage(`Export failed: ${errorText(e)}`);
    }
  };

  const choose = async (file: File | undefined) => {
    setPending(undefined);
    setMessage('');
    if (!file) return;
    // Refused before reading: a 50 MB file is not a reading list, and reading it would stall the page.
    if (file.size > MAX_INPUT_BYTES) {
      setMessage(`“${file.name}” is ${(file.size / 1024 / 1024).toFixed(0)} MB; imports are limited to ${MAX_INPUT_BYTES / 1024 / 1024} MB. Nothing was imported.`);
      return;
    }
    try {
      const { snapshot, revision } = await sendMessage('getSnapshot', undefined);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const plan: ImportPlan = await track<ImportPlan>('Reading the file', formats().plan(snapshot, transfer(bytes, [bytes.buffer]), file.name) as Promise<ImportPlan>);
      setPending({ name: file.name, plan, baseRevision: revision });
    } catch (e) {
      setMessage(`Could not read “${file.name}”: ${errorText(e)}. Nothing was imported.`);
    }
  };

  const apply = async () => {
    if (!pending?.plan.ok) return;
    try {
      await track('Importing', sendMessage('applyImport', { changes: pending.plan.apply, baseRevision: pending.baseRevision }));
      const { preview } = pending.plan;
      setMessage(`Imported “${pending.name}”: ${preview.new} new, ${preview.present} already present.`);
      setPending(undefined);
      await onImported();
    } catch (e) {
      setMessage(`Import failed: ${errorText(e)}. Nothing was imported.`);
    }
  };

  const plan = pending?.plan;
  return (
    <section class="transfer" aria-label="Export and import">
      <h2>Export and import</h2>
      <div class="transfer__row">
        <label>
          Export format{' '}
          <select value={format} onChange={(e) => setFormat((e.target as HTMLSelectElement).value as ExportFormat)}>
            {FORMATS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          What{' '}
          <select value={scope} disabled={format === 'backup'} onChange={(e) => setScope((e.target as HTMLSelectElement).value as 'list' | 'all')}>
            <option value="list">{`the list “${listName}”`}</option>
            <option value="all">the whole library</option>
          </select>
        </label>
        <button type="button" disabled={busy} onClick={() => void exportNow()}>
          Export
        </button>
      </div>
      <div class="transfer__row">
        <label>
          Import file (BibTeX, CSL-JSON, RIS or a Paperlight backup){' '}
          <input
            type="file"
            accept=".bib,.bibtex,.json,.ris,.txt"
            disabled={busy}
            onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              input.value = ''; // so choosing the same file again is a new choice
              void choose(file);
            }}
          />
        </label>
      </div>
      {progress && (
        <p class="progress">
          <progress aria-label={progress} /> {progress}
        </p>
      )}
      {pending && plan && (
        <div class="preview" role="group" aria-label="Import preview">
          {plan.ok ? (
            <>
              <p>{`“${pending.name}” (${plan.preview.format}): ${plan.preview.new} new, ${plan.preview.present} already present, ${plan.preview.invalid} invalid.${plan.preview.list ? ` All go into the list “${plan.preview.list}”.` : ''}`}</p>
              {plan.preview.warnings.map((w) => (
                <p key={w} class="warning">
                  {w}
                </p>
              ))}
              <button type="button" disabled={busy} onClick={() => void apply()}>
                {`Import ${plan.preview.new} new paper${plan.preview.new === 1 ? '' : 's'}`}
              </button>{' '}
              <button type="button" onClick={() => setPending(undefined)}>
                Cancel import
              </button>
            </>
          ) : (
            <p role="alert" class="error">
              {`“${pending.name}” cannot be imported: ${plan.error.message}. Nothing was imported.`}
            </p>
          )}
        </div>
      )}
      {message && <p aria-live="polite">{message}</p>}
    </section>
  );
}
