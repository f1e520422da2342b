import { useState } from 'preact/hooks';
import { sendMessage, type ExportFormat, type ImportOutcome } from '@/lib/browser/messages';
import { decodeInput, MAX_INPUT_BYTES } from '@/lib/formats/input';

const FORMATS: { value: ExportFormat; label: string }[] = [
  { value: 'bibtex', label: 'BibTeX (.bib)' },
  { value: 'csl-json', label: 'CSL-JSON' },
  { value: 'ris', label: 'RIS' },
  { value: 'markdown', label: 'Markdown checklist' },
  { value: 'csv', label: 'CSV' },
  { value: 'backup', label: 'Full backup (JSON)' },
];

/** Export (download) and import (preview, then all-or-nothing) for the library page. */
export function TransferPanel({ listId, listName, onImported }: { listId: string; listName: string; onImported: () => Promise<void> }) {
  const [format, setFormat] = useState<ExportFormat>('bibtex');
  const [scope, setScope] = useState<'list' | 'all'>('list');
  const [pending, setPending] = useState<{ text: string; name: string; outcome: ImportOutcome }>();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  const exportNow = async () => {
    setBusy(true);
    try {
      const file = await sendMessage('exportLibrary', { format, listId: scope === 'list' && format !== 'backup' ? listId : undefined });
      const url = URL.createObjectURL(new Blob([file.text], { type: file.mime }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      setMessage(`Exported ${file.count} paper${file.count === 1 ? '' : 's'} as ${file.filename}`);
    } catch (e) {
      setMessage(`Export failed: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };

  const choose = async (file: File | undefined) => {
    setPending(undefined);
    if (!file) return;
    // Refused before reading: a 50 MB file is not a reading list, and reading it would stall the page.
    if (file.size > MAX_INPUT_BYTES) {
      setMessage(`“${file.name}” is ${(file.size / 1024 / 1024).toFixed(0)} MB; imports are limited to ${MAX_INPUT_BYTES / 1024 / 1024} MB. Nothing was imported.`);
      return;
    }
    setBusy(true);
    try {
      const text = decodeInput(new Uint8Array(await file.arrayBuffer()));
      const outcome = await sendMessage('importLibrary', { text, fileName: file.name, apply: false });
      setPending({ text, name: file.name, outcome });
      setMessage('');
    } catch (e) {
      setMessage(`Could not read “${file.name}”: ${e instanceof Error ? e.message : String(e)}. Nothing was imported.`);
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!pending) return;
    setBusy(true);
    try {
      const outcome = await sendMessage('importLibrary', { text: pending.text, fileName: pending.name, apply: true });
      if (outcome.ok) setMessage(`Imported “${pending.name}”: ${outcome.preview.new} new, ${outcome.preview.present} already present.`);
      else setMessage(`Import failed: ${outcome.error.message}. Nothing was imported.`);
      setPending(undefined);
      await onImported();
    } finally {
      setBusy(false);
    }
  };

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
          <input type="file" accept=".bib,.bibtex,.json,.ris,.txt" disabled={busy} onChange={(e) => {
              const input = e.target as HTMLInputElement;
              const file = input.files?.[0];
              input.value = ''; // so choosing the same file again is a new choice
              void choose(file);
            }}
          />
        </label>
      </div>
      {pending && (
        <div class="preview" role="group" aria-label="Import preview">
          {pending.outcome.ok ? (
            <>
              <p>{`“${pending.name}”: ${pending.outcome.preview.new} new, ${pending.outcome.preview.present} already present, ${pending.outcome.preview.invalid} invalid.`}</p>
              <button type="button" disabled={busy} onClick={() => void apply()}>
                {`Import ${pending.outcome.preview.new} new paper${pending.outcome.preview.new === 1 ? '' : 's'}`}
              </button>{' '}
              <button type="button" onClick={() => setPending(undefined)}>
                Cancel import
              </button>
            </>
          ) : (
            <p role="alert" class="error">
              {`“${pending.name}” cannot be imported: ${pending.outcome.error.message}. Nothing was imported.`}
            </p>
          )}
        </div>
      )}
      {message && <p aria-live="polite">{message}</p>}
    </section>
  );
}
