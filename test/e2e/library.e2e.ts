import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, waitForCorpus, type ExtensionSession } from './harness';
import { REPO_ROOT } from '../shared';

const TITLE = 'Poseidon: Efficient Foundation Models for PDEs';
const FORMATS = [
  ['BibTeX (.bib)', /@\w+\{[^,]+,[\s\S]*title = \{\{?Poseidon/],
  ['CSL-JSON', /"title": "Poseidon: Efficient Foundation Models for PDEs"/],
  ['RIS', /^TY {2}- [\s\S]*TI {2}- Poseidon/m],
  ['Markdown checklist', /- \[ \] \[Poseidon: Efficient Foundation Models for PDEs\]\(https:\/\/arxiv\.org\/search\//],
  ['CSV', /^title,authors,year,url,[\s\S]*Poseidon/],
  ['Full backup (JSON)', /"format": "paperlight-backup"/],
] as const;

async function openLibrary(session: ExtensionSession): Promise<Page> {
  const page = await session.openPage('library.html');
  await expect.poll(() => page.getByRole('navigation', { name: 'Lists' }).getByRole('button').count()).toBeGreaterThan(0);
  return page;
}

describe('the library page in a real Chromium', () => {
  const profile = mkdtempSync(join(tmpdir(), 'pl-library-'));
  const files = mkdtempSync(join(tmpdir(), 'pl-files-'));
  let session: ExtensionSession | undefined;
  afterAll(async () => {
    await session?.close();
  });

  it('keeps a paper saved from the popup, with status, tag and note, across a browser restart', async () => {
    session = await launchExtension({ userDataDir: profile });
    const popup = await session.openPage('popup.html');
    await waitForCorpus(popup);
    await popup.getByRole('searchbox', { name: 'Search papers' }).fill('poseidon foundation models');
    await expect.poll(() => popup.getByRole('option').first().getAttribute('aria-label')).toBe(TITLE);
    await popup.getByRole('button', { name: 'Save to Reading list' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Saved', exact: true }).count()).toBe(1);

    const library = await openLibrary(session);
    await library.getByRole('checkbox', { name: `Select ${TITLE}` }).check();
    await library.getByRole('combobox', { name: 'Status for selected papers' }).selectOption('reading');
    await library.getByRole('button', { name: 'Set status' }).click();
    await expect.poll(() => library.getByRole('row', { name: new RegExp(TITLE) }).textContent()).toContain('reading');

    await library.getByRole('button', { name: TITLE }).click();
    const panel = library.getByRole('complementary', { name: 'Paper' });
    await panel.getByRole('combobox', { name: 'New tag' }).fill('Neural Operators');
    await panel.getByRole('button', { name: 'Add tag' }).click();
    await expect.poll(() => panel.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('#neural-operators')]);
    await panel.getByRole('textbox', { name: 'Note' }).fill('Compare with **FNO** on Navier–Stokes.');
    await expect.poll(() => panel.getByText('Saved', { exact: true }).count()).toBe(1);

    await session.close({ keepProfile: true });
    session = await launchExtension({ userDataDir: profile });
    const again = await openLibrary(session);
    const row = again.getByRole('row', { name: new RegExp(TITLE) });
    await expect.poll(() => row.textContent()).toContain('#neural-operators');
    expect(await row.textContent()).toContain('reading');
    await again.getByRole('button', { name: TITLE }).click();
    await expect.poll(() => again.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('Compare with **FNO** on Navier–Stokes.');
  });

  it('creates a list, fills it in bulk, renames it, and undoes its deletion', async () => {
    const library = await openLibrary(session!);
    const lists = library.getByRole('navigation', { name: 'Lists' });
    await lists.getByRole('button', { name: 'New list' }).click();
    const name = library.getByRole('textbox', { name: 'Name of the new list' });
    await name.fill('Thesis');
    await name.press('Enter');
    await expect.poll(() => library.getByRole('heading', { level: 2, name: 'Thesis' }).count()).toBe(1);

    await lists.getByRole('button', { name: /^Reading list/ }).click();
    await library.getByRole('checkbox', { name: `Select ${TITLE}` }).check();
    await library.getByRole('combobox', { name: 'List for selected papers' }).selectOption({ label: 'Thesis' });
    await library.getByRole('button', { name: 'Add to list' }).click();
    await expect.poll(() => lists.getByRole('button', { name: 'Thesis 1' }).count()).toBe(1);

    await lists.getByRole('button', { name: 'Thesis 1' }).click();
    await library.getByRole('button', { name: 'Rename list' }).click();
    const rename = library.getByRole('textbox', { name: 'New name for the list' });
    await rename.fill('Thesis, chapter 2');
    await rename.press('Enter');
    await expect.poll(() => lists.getByRole('button', { name: 'Thesis, chapter 2 1' }).count()).toBe(1);

    await library.getByRole('button', { name: 'Delete list' }).click();
    await expect.poll(() => library.getByRole('status').textContent()).toContain('Deleted the list “Thesis, chapter 2” (1 papers).');
    // The status line is set before the lists are read again: wait for the list to go, do not read it once.
    await expect.poll(() => lists.getByRole('button', { name: /^Thesis/ }).count()).toBe(0);
    await library.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => lists.getByRole('button', { name: 'Thesis, chapter 2 1' }).count()).toBe(1);
  });

  it('exports every format through the page as a download', async () => {
    const library = await openLibrary(session!);
    await library.getByRole('combobox', { name: 'What' }).selectOption('all');
    for (const [label, expected] of FORMATS) {
      await library.getByRole('combobox', { name: 'Export format' }).selectOption({ label });
      const download = library.waitForEvent('download');
      await library.getByRole('button', { name: 'Export', exact: true }).click();
      const file = await download;
      const path = join(files, file.suggestedFilename());
      await file.saveAs(path);
      expect(readFileSync(path, 'utf8'), label).toMatch(expected);
      if (label === 'Full backup (JSON)') writeFileSync(join(files, 'backup.json'), readFileSync(path));
    }
  });

  it('imports the backup into a fresh profile, all or nothing', async () => {
    await session!.close({ keepProfile: true });
    session = await launchExtension();
    const popup = await session.openPage('popup.html');
    await waitForCorpus(popup);
    const library = await openLibrary(session);

    // A broken file first: refused, with a reason, and nothing written.
    const broken = join(files, 'broken.json');
    writeFileSync(broken, readFileSync(join(files, 'backup.json'), 'utf8').slice(0, 200));
    await library.getByLabel(/^Import file/).setInputFiles(broken);
    await expect.poll(() => library.getByRole('alert').textContent()).toMatch(/cannot be imported: .*line \d+/);
    expect(await library.getByRole('row').count()).toBe(1); // the header row only

    await library.getByLabel(/^Import file/).setInputFiles(join(files, 'backup.json'));
    const preview = library.getByRole('group', { name: 'Import preview' });
    await expect.poll(() => preview.textContent()).toContain('1 new, 0 already present, 0 invalid');
    await preview.getByRole('button', { name: 'Import 1 new paper' }).click();
    const row = library.getByRole('row', { name: new RegExp(TITLE) });
    await expect.poll(() => row.textContent()).toContain('#neural-operators');
    await library.getByRole('button', { name: TITLE }).click();
    await expect.poll(() => library.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('Compare with **FNO** on Navier–Stokes.');

    // Importing the same file again adds nothing.
    await library.getByLabel(/^Import file/).setInputFiles(join(files, 'backup.json'));
    await expect.poll(() => library.getByRole('group', { name: 'Import preview' }).textContent()).toContain('0 new, 1 already present');
  });

  it('links an imported citation to its corpus paper by title, so a listing shows it saved', async () => {
    const library = await openLibrary(session!);
    // The title written the arXiv way (TeX), no arXiv id: only the corpus title match can link it.
    const bib = join(files, 'corpus-paper.bib');
    writeFileSync(bib, '@misc{yang2024s2ft,\n  title = {S$^{2}$FT: Efficient, Scalable and Generalizable LLM Fine-tuning by Structured Sparsity},\n  author = {Yang, Xinyu},\n  year = {2024}\n}\n');
    await library.getByLabel(/^Import file/).setInputFiles(bib);
    const preview = library.getByRole('group', { name: 'Import preview' });
    await expect.poll(() => preview.textContent()).toContain('1 new, 0 already present, 0 invalid. All go into the list “corpus-paper”.');
    await preview.getByRole('button', { name: 'Import 1 new paper' }).click();
    // A citation file's papers arrive as one list, named after the file.
    await library.getByRole('navigation', { name: 'Lists' }).getByRole('button', { name: /^corpus-paper/ }).click();
    await expect.poll(() => library.getByRole('row', { name: /Fine-tuning by Structured Sparsity/ }).count()).toBe(1);

    await session!.context.route(/^https:\/\/(arxiv\.org|static\.arxiv\.org)\//, (r) => r.fulfill({ status: 204, body: '' }));
    await session!.context.route('https://arxiv.org/list/cs.LG/new', (r) =>
      r.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(join(REPO_ROOT, 'test/fixtures/pages/arxiv-list-2024.html'), 'utf8') }),
    );
    const page = await session!.context.newPage();
    await page.goto('https://arxiv.org/list/cs.LG/new');
    const s2ft = page.locator('dd').first().getByRole('button', { name: /^Paperlight · / });
    // Imported, so saved (not merely "in corpus"), though the listing knows it only by an id the file never gave.
    await expect.poll(() => s2ft.textContent()).toMatch(/^Paperlight · (?!in corpus)/);
    await page.close();
  });

  it('never loses a note typed just before the page closed', async () => {
    const library = await openLibrary(session!);
    await library.getByRole('button', { name: TITLE }).click();
    const note = library.getByRole('textbox', { name: 'Note' });
    await note.fill('Typed, then the tab was closed at once.');
    await library.close(); // before the autosave pause ends

    const again = await openLibrary(session!);
    await again.getByRole('button', { name: TITLE }).click();
    await expect.poll(() => again.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('Typed, then the tab was closed at once.');
    await expect.poll(() => again.getByText('Saved', { exact: true }).count()).toBe(1);
    // And it reached the database, not only the draft: the paper's details say so.
    const stored = await again.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('paperlight');
          open.onsuccess = () => {
            const req = open.result.transaction('notes').objectStore('notes').getAll();
            req.onsuccess = () => resolve((req.result as { text: string }[]).map((n) => n.text));
          };
        }),
    );
    expect(stored).toContain('Typed, then the tab was closed at once.');
  });
});
