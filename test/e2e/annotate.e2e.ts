/**
 * Annotating a paper (issue #8) as a reader does, in real Chromium with the built extension: select text on a
 * routed arXiv HTML page, highlight it through the control (found by role and name), reload and see it drawn at
 * the same place (read back from the page's own CSS.highlights registry), see it listed on the next version (or
 * as "not found"), on the library page with a link that jumps to it, in popup search and in the Markdown export.
 * Own LaTeXML fixtures (test/fixtures/annotate) run everywhere; the real ar5iv page runs when ../shared is present.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, waitForCorpus, type ExtensionSession } from './harness';
import { REPO_ROOT, sharedPath, SKIP_NO_SHARED } from '../shared';

const fixture = (name: string) => readFileSync(join(REPO_ROOT, 'test/fixtures/annotate', name), 'utf8');
// A tall gap before §3, so that jumping to a highlight there has to scroll (the gap holds no text).
const tall = (html: string) => html.replace('<section id="S3"', '<div style="height:2400px"></div><section id="S3"');
const V1 = 'https://arxiv.org/html/2601.00001v1';
const V2 = 'https://arxiv.org/html/2601.00001v2';
const TITLE = 'Toy Attention for Testing Anchors';

/** Selects from the first `from` to the end of the next `to` in the text of the element with id (or selector) `inside`. */
async function select(page: Page, inside: string, from: string, to = from): Promise<void> {
  await page.evaluate(
    ([id, a, b]) => {
      const root = document.getElementById(id) ?? document.querySelector(id)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: { node: Text; start: number }[] = [];
      let text = '';
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        nodes.push({ node: n as Text, start: text.length });
        text += (n as Text).data;
      }
      const s = text.indexOf(a);
      const e = text.indexOf(b, s) + b.length;
      if (s === -1 || e < b.length) throw new Error(`e2e: "${a}" … "${b}" is not in #${id}`);
      const at = (off: number, end: boolean) => {
        const hit = nodes.find((x) => (end ? off <= x.start + x.node.data.length : off < x.start + x.node.data.length))!;
        return [hit.node, off - hit.start] as const;
      };
      const range = document.createRange();
      range.setStart(...at(s, false));
      range.setEnd(...at(e, true));
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
    },
    [inside, from, to] as const,
  );
}

/** What the page's CSS Custom Highlight registry holds under `name`: each range's text, whitespace collapsed. */
async function drawn(page: Page, name = 'paperlight'): Promise<string[]> {
  return page.evaluate((n) => {
    const h = CSS.highlights.get(n);
    return h ? [...(h as unknown as Set<Range>)].map((r) => r.toString().replace(/\s+/g, ' ').trim()) : [];
  }, name);
}

/** The id of the LaTeXML paragraph each drawn range starts and ends in. */
async function drawnPlaces(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const h = CSS.highlights.get('paperlight');
    const place = (n: Node) => (n instanceof Element ? n : n.parentElement)!.closest('.ltx_para, p[id]')?.id ?? '';
    return h ? [...(h as unknown as Set<Range>)].map((r) => `${place(r.startContainer)}…${place(r.endContainer)}`) : [];
  });
}

const panel = (page: Page, title = TITLE) => page.getByRole('region', { name: `Paperlight: ${title}` });
const toolbar = (page: Page) => page.getByRole('toolbar', { name: 'Paperlight: annotate' });
const highlightsHeading = (page: Page, title = TITLE) => panel(page, title).getByRole('region', { name: 'Highlights' }).getByRole('heading');

/** The extension with the corpus loaded, arXiv answered from the routed v1 and v2 pages (nothing else). */
async function annotatingSession(): Promise<ExtensionSession> {
  const session = await launchExtension();
  await session.context.route(/^https:\/\/(arxiv\.org|static\.arxiv\.org)\//, (r) => r.fulfill({ status: 204, body: '' }));
  await session.context.route(V1, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: tall(fixture('paper-v1.html')) }));
  await session.context.route(V2, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: tall(fixture('paper-v2.html')) }));
  const popup = await session.openPage('popup.html');
  await waitForCorpus(popup);
  await popup.close();
  return session;
}

describe('annotating arXiv HTML pages', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await annotatingSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('highlights a selection with a comment through the control; a reload draws it at the same place, text untouched', async () => {
    const page = await session.context.newPage();
    await page.goto(V1);
    await expect.poll(() => highlightsHeading(page).textContent()).toBe('0 highlights');
    // The paper's sections as the page's scripts see them (the heading gets our badge once the paper is saved).
    const sections = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('article section')].map((el) => {
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          let textNodes = 0;
          while (walker.nextNode()) textNodes++;
          return { text: el.textContent, elements: el.querySelectorAll('*').length, textNodes };
        }),
      );
    const before = await sections();

    await select(page, 'S3.p1', 'Individual attention heads', 'different tasks.');
    await toolbar(page).getByRole('button', { name: 'Highlight with comment' }).click();
    await toolbar(page).getByRole('textbox', { name: 'Comment' }).fill('heads specialise');
    await toolbar(page).getByRole('button', { name: 'Save highlight' }).click();

    await expect.poll(() => highlightsHeading(page).textContent()).toBe('1 highlight');
    await expect.poll(() => panel(page).getByText(/^Saved · /).count()).toBe(1); // the highlight saved the paper
    expect(await drawn(page)).toEqual(['Individual attention heads clearly learn to perform different tasks.']);
    expect(await toolbar(page).count()).toBe(0);
    // Drawn without touching the page: same text, same elements, no <mark>.
    expect(await sections()).toEqual(before);
    expect(await page.locator('mark').count()).toBe(0);

    await page.reload();
    await expect.poll(() => drawn(page)).toEqual(['Individual attention heads clearly learn to perform different tasks.']);
    expect(await drawnPlaces(page)).toEqual(['S3.p1…S3.p1']);
    await expect.poll(() => highlightsHeading(page).textContent()).toBe('1 highlight');
    expect(await panel(page).getByText('heads specialise').count()).toBe(1);
    await page.close();
  });

  it('Alt+H highlights across inline math and a citation; never while typing; Quote to note appends to the note', async () => {
    const page = await session.context.newPage();
    await page.goto(V1);
    await expect.poll(() => highlightsHeading(page).textContent()).toBe('1 highlight');

    // Alt+H in the note box types, it does not highlight.
    const note = panel(page).getByRole('textbox', { name: 'Note' });
    await select(page, 'S2.SS1.p1', 'divide each by', 'to obtain');
    await note.focus();
    await page.keyboard.press('Alt+KeyH');
    await page.waitForTimeout(300);
    expect(await drawn(page)).toHaveLength(1);

    await page.mouse.click(5, 5); // out of the note box, onto the page
    await select(page, 'S2.SS1.p1', 'divide each by', 'to obtain');
    await page.keyboard.press('Alt+KeyH');
    await expect.poll(() => highlightsHeading(page).textContent()).toBe('2 highlights');
    const across = (await drawn(page)).find((t) => t.startsWith('divide each by'));
    expect(across).toMatch(/^divide each by .+, and apply a softmax function \[3\] to obtain$/);

    // A sentence that the next version rewrites.
    await select(page, 'S2.SS2.p2', 'Dropout of 0.1', 'and normalized.');
    await toolbar(page).getByRole('button', { name: 'Highlight', exact: true }).click();
    await expect.poll(() => highlightsHeading(page).textContent()).toBe('3 highlights');

    await select(page, 'S1.p2', 'Unlike in the abstract');
    await toolbar(page).getByRole('button', { name: 'Quote to note' }).click();
    await expect.poll(() => panel(page).getByRole('textbox', { name: 'Note' }).inputValue()).toBe(`> Unlike in the abstract\n\n— [§ S1](${V1}#S1)`);
    expect(await drawn(page)).toHaveLength(3); // a quote is not a highlight
    await page.close();
  });

  it('on the next version, the rewritten sentence is listed as not found, with its text; the others are drawn', async () => {
    const page = await session.context.newPage();
    await page.goto(V2);
    await expect.poll(() => highlightsHeading(page).textContent()).toBe('3 highlights · 1 not found on this version');
    const orphans = panel(page).getByRole('list', { name: 'Highlights not found on this version' });
    expect(await orphans.getByRole('listitem').count()).toBe(1);
    expect(await orphans.textContent()).toContain('Dropout of 0.1 was applied to the output of each sub-layer');
    expect(await drawnPlaces(page)).toEqual(['S2.SS1.p1…S2.SS1.p1', 'S3.p1…S3.p1']);

    // A click on a drawn highlight opens its comment.
    const { x, y } = await page.evaluate(() => {
      const range = [...(CSS.highlights.get('paperlight') as unknown as Set<Range>)].find((r) => r.toString().startsWith('Individual'))!;
      range.startContainer.parentElement!.scrollIntoView({ block: 'center' });
      const rect = range.getClientRects()[0]!;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await page.mouse.click(x, y);
    await expect.poll(() => toolbar(page).getByRole('textbox', { name: 'Comment' }).inputValue()).toBe('heads specialise');
    expect(await drawn(page, 'paperlight-focus')).toEqual(['Individual attention heads clearly learn to perform different tasks.']);
    await toolbar(page).getByRole('button', { name: 'Cancel' }).click();
    expect(await toolbar(page).count()).toBe(0);
    await page.close();
  });

  it('the library page lists them in reading order, with comments, and each link jumps to its highlight', async () => {
    const library = await session.openPage('library.html');
    await library.getByRole('button', { name: TITLE }).click();
    const section = library.getByRole('region', { name: 'Highlights' });
    await expect.poll(() => section.getByRole('heading').textContent()).toBe('3 highlights');
    const items = await section.getByRole('listitem').allTextContents();
    expect(items.map((t) => t.slice(0, 14))).toEqual(['divide each by', 'Dropout of 0.1', 'Individual att']);
    expect(items[2]).toContain('heads specialise');

    const link = section.getByRole('link', { name: /^Open highlight “Individual attention heads/ });
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(new RegExp(`^${V1.replace(/\./g, '\\.')}#paperlight-highlight=hl-`));
    const page = await session.context.newPage();
    await page.goto(href);
    await expect.poll(() => drawn(page, 'paperlight-focus')).toEqual(['Individual attention heads clearly learn to perform different tasks.']);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(1500);
    await page.close();
    await library.close();
  });

  it('popup search finds a paper by the words of a highlight comment and of a highlighted passage', async () => {
    const popup = await session.openPage('popup.html');
    const box = popup.getByRole('searchbox', { name: 'Search papers' });
    for (const query of ['heads specialise', '"clearly learn to perform"']) {
      await box.fill(query);
      await expect.poll(() => popup.getByRole('listbox', { name: 'Results' }).getByRole('option').first().getAttribute('aria-label'), { timeout: 10_000 }).toBe(TITLE);
    }
    await popup.close();
  });

  it('the Markdown export lists the highlights with their comments', async () => {
    const library = await session.openPage('library.html');
    await expect.poll(() => library.getByRole('navigation', { name: 'Lists' }).getByRole('button').count()).toBeGreaterThan(0);
    await library.getByRole('combobox', { name: 'What' }).selectOption('all');
    await library.getByRole('combobox', { name: 'Export format' }).selectOption({ label: 'Markdown checklist' });
    const download = library.waitForEvent('download');
    await library.getByRole('button', { name: 'Export', exact: true }).click();
    const path = join(mkdtempSync(join(tmpdir(), 'pl-md-')), 'export.md');
    await (await download).saveAs(path);
    const markdown = readFileSync(path, 'utf8');
    expect(markdown).toContain(`  - “Individual attention heads clearly learn to perform different tasks.” — heads specialise ([§ S3](${V1}#paperlight-highlight=hl-`);
    expect(markdown).toContain('  > > Unlike in the abstract'); // the quoted note, itself a block quote
    await library.close();
  });

  it('an extension update under the live page removes every drawing and control, leaving the page as it was', async () => {
    const page = await session.context.newPage();
    await page.goto(V1);
    await expect.poll(() => drawn(page)).toHaveLength(3);
    // What a newer copy of the content script announces when it starts after an update (WXT's ContentScriptContext).
    await page.evaluate(
      (id) => document.dispatchEvent(new CustomEvent(`${id}:papers:wxt:content-script-started`, { detail: { contentScriptName: 'papers', messageId: 'a-newer-script' } })),
      session.extensionId,
    );
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('paperlight'))).toBe(false);
    expect(await page.locator('style[data-paperlight-highlight-style]').count()).toBe(0);
    await expect
      .poll(() => page.locator('[data-paperlight-badge], [data-paperlight-panel], paperlight-panel').evaluateAll((els) => els.map((e) => e.outerHTML.slice(0, 120))))
      .toEqual([]);
    // The old script no longer answers a selection.
    await select(page, 'S3.p1', 'Self-attention');
    await page.keyboard.press('Alt+KeyH');
    await page.waitForTimeout(300);
    expect(await toolbar(page).count()).toBe(0);
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    await page.close();
  });

  it('highlights on an arXiv abstract page too, and finds it again after a reload', async () => {
    const url = 'https://arxiv.org/abs/2402.00001';
    await session.context.route(url, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(join(REPO_ROOT, 'test/fixtures/pages/arxiv-abs.html'), 'utf8') }));
    const page = await session.context.newPage();
    await page.goto(url);
    const heading = page.getByRole('region', { name: /^Paperlight: Damped Newton/ }).getByRole('region', { name: 'Highlights' }).getByRole('heading');
    await expect.poll(() => heading.textContent()).toBe('0 highlights');
    await select(page, 'blockquote.abstract', 'This paper investigates the global convergence', 'Newton methods.');
    await toolbar(page).getByRole('button', { name: 'Highlight', exact: true }).click();
    await expect.poll(() => heading.textContent()).toBe('1 highlight');
    await page.reload();
    await expect.poll(() => drawn(page)).toEqual(['This paper investigates the global convergence of stepsized Newton methods.']);
    await page.close();
  });

  it('highlights on the real ar5iv page of "Attention Is All You Need" and finds it again after a reload', async () => {
    const path = sharedPath('fixtures', 'pages', 'arxiv-html', 'ar5iv-1706.03762-attention.html');
    if (!path) {
      console.log(`annotate e2e, real ar5iv page: ${SKIP_NO_SHARED}`);
      return;
    }
    const url = 'https://arxiv.org/html/1706.03762v7';
    await session.context.route(url, (r) => r.fulfill({ contentType: 'text/html; charset=utf-8', body: readFileSync(path, 'utf8') }));
    const page = await session.context.newPage();
    await page.goto(url);
    const title = 'Attention Is All You Need';
    await expect.poll(() => highlightsHeading(page, title).textContent()).toBe('0 highlights');
    await select(page, 'S3.SS2.SSS2.p2.1', 'Multi-head attention allows the model', 'different positions.');
    await toolbar(page).getByRole('button', { name: 'Highlight', exact: true }).click();
    await expect.poll(() => highlightsHeading(page, title).textContent()).toBe('1 highlight');
    const first = await drawn(page);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatch(/^Multi-head attention allows the model .* different positions\.$/);
    await page.reload();
    await expect.poll(() => drawn(page)).toEqual(first);
    await page.close();
  });
});

describe('changing highlights on the library page', () => {
  let session: ExtensionSession;
  beforeAll(async () => {
    session = await annotatingSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('edits a comment (kept after a reload, shown on the paper page), deletes, undoes, deletes for good', async () => {
    const page = await session.context.newPage();
    await page.goto(V1);
    await expect.poll(() => highlightsHeading(page).textContent()).toBe('0 highlights');
    await select(page, 'S3.p1', 'Individual attention heads', 'different tasks.');
    await toolbar(page).getByRole('button', { name: 'Highlight with comment' }).click();
    await toolbar(page).getByRole('textbox', { name: 'Comment' }).fill('heads specialise');
    await toolbar(page).getByRole('button', { name: 'Save highlight' }).click();
    await expect.poll(() => highlightsHeading(page).textContent()).toBe('1 highlight');

    const quote = 'Individual attention heads clearly learn';
    const library = await session.openPage('library.html');
    await library.getByRole('button', { name: TITLE }).click();
    const section = library.getByRole('region', { name: 'Highlights' });
    const heading = section.getByRole('heading');
    await expect.poll(() => heading.textContent()).toBe('1 highlight');
    const href = await section.getByRole('link', { name: `Open highlight “${quote}” on the page` }).getAttribute('href');

    // Escape cancels; Ctrl+Enter saves.
    await section.getByRole('button', { name: `Edit comment on “${quote}”` }).click();
    const box = section.getByRole('textbox', { name: `Comment on “${quote}”` });
    expect(await box.inputValue()).toBe('heads specialise');
    await box.fill('not this');
    await box.press('Escape');
    expect(await box.count()).toBe(0);
    expect(await section.getByText('heads specialise').count()).toBe(1);
    await section.getByRole('button', { name: `Edit comment on “${quote}”` }).click();
    await box.fill('heads specialise: syntax vs. coreference');
    await box.press('Control+Enter');
    await expect.poll(() => section.getByText('heads specialise: syntax vs. coreference').count()).toBe(1);
    expect(await box.count()).toBe(0);

    await library.reload();
    await library.getByRole('button', { name: TITLE }).click();
    await expect.poll(() => heading.textContent()).toBe('1 highlight');
    expect(await section.getByText('heads specialise: syntax vs. coreference').count()).toBe(1);
    await page.reload();
    await expect.poll(() => panel(page).getByText('heads specialise: syntax vs. coreference').count()).toBe(1);

    // An empty comment clears it, through the Save button.
    await section.getByRole('button', { name: `Edit comment on “${quote}”` }).click();
    await box.fill('');
    await section.getByRole('button', { name: 'Save comment' }).click();
    await expect.poll(() => section.getByRole('button', { name: `Add comment on “${quote}”` }).count()).toBe(1);
    await section.getByRole('button', { name: `Add comment on “${quote}”` }).click();
    await box.fill('heads specialise again');
    await section.getByRole('button', { name: 'Save comment' }).click();
    await expect.poll(() => section.getByText('heads specialise again').count()).toBe(1);

    // Delete, then Undo from the status line: the same highlight (same link) with its comment.
    await section.getByRole('button', { name: `Delete highlight “${quote}”` }).click();
    await expect.poll(() => heading.textContent()).toBe('0 highlights');
    const status = section.getByRole('status');
    await status.getByRole('button', { name: 'Undo delete' }).click();
    await expect.poll(() => heading.textContent()).toBe('1 highlight');
    expect(await section.getByText('heads specialise again').count()).toBe(1);
    expect(await section.getByRole('link', { name: `Open highlight “${quote}” on the page` }).getAttribute('href')).toBe(href);
    expect(await status.getByRole('button', { name: 'Undo delete' }).count()).toBe(0);
    await page.reload();
    await expect.poll(() => drawn(page)).toEqual(['Individual attention heads clearly learn to perform different tasks.']);

    await section.getByRole('button', { name: `Delete highlight “${quote}”` }).click();
    await expect.poll(() => heading.textContent()).toBe('0 highlights');
    await library.reload();
    await library.getByRole('button', { name: TITLE }).click();
    await expect.poll(() => heading.textContent()).toBe('0 highlights');
    expect(await section.getByRole('button', { name: 'Undo delete' }).count()).toBe(0);
    expect(await library.getByRole('alert').count()).toBe(0);
    await page.reload();
    await expect.poll(() => highlightsHeading(page).textContent()).toBe('0 highlights');
    expect(await drawn(page)).toEqual([]);
    await page.close();
    await library.close();
  });
});
