/**
 * The HTML report in a real browser: Debian's chromium, driven by playwright-core (no
 * browser download). Without /usr/bin/chromium (or CHROMIUM_PATH) these tests skip and say
 * why; `.ci/run` installs it.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pixelmatch from 'pixelmatch';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatHtml } from '../../src/report/html.js';
import { htmlReport } from './html-fixture.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HAVE_BROWSER = existsSync(CHROMIUM);
if (!HAVE_BROWSER)
  console.log(
    `html-browser tests skipped: no browser at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`,
  );

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const GOLDEN = join(import.meta.dirname, '..', 'golden', 'html');
/** Share of pixels that may differ (font hinting, anti-aliasing) before a screenshot fails. */
const MAX_DIFF_RATIO = 0.005;

/** The few browser globals the page scripts below use (the tests compile without the DOM lib). */
interface Browser {
  requestAnimationFrame(callback: () => void): void;
  document: { activeElement: { name?: string } | null };
}

interface Loaded {
  page: Page;
  errors: string[];
  requests: string[];
}

describe.skipIf(!HAVE_BROWSER)('HTML report in chromium', () => {
  let dir: string;
  let context: BrowserContext;
  const files: Record<string, string> = {};

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gate-html-'));
    for (const n of [300, 10_000]) {
      files[n] = join(dir, `report-${n}.html`);
      writeFileSync(files[n], formatHtml(htmlReport(n)));
    }
    // A fresh profile per run: nothing cached, nothing synced.
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      args: FLAGS,
      viewport: { width: 1200, height: 900 },
      deviceScaleFactor: 1,
      offline: true,
    });
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(file: string): Promise<Loaded> {
    const page = await context.newPage();
    const errors: string[] = [];
    const requests: string[] = [];
    const url = pathToFileURL(file).href;
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('request', (r) => {
      if (r.url() !== url) requests.push(r.url());
    });
    await page.goto(url, { waitUntil: 'load' });
    return { page, errors, requests };
  }

  it('loads with no console error and no request besides the file itself', async () => {
    const { page, errors, requests } = await open(files[300]!);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.locator('section').count()).toBe(9);
    await page.close();
  });

  it('draws one point per query, and renders 10,000 queries within a second', async () => {
    const { page, errors, requests } = await open(files[10_000]!);
    // After two animation frames the page has been laid out and painted once.
    const rendered = await page.evaluate(() => {
      const raf = (globalThis as unknown as Browser).requestAnimationFrame;
      return new Promise<number>((done) => raf(() => raf(() => done(performance.now()))));
    });
    console.log(`html report, 10,000 queries: drawn ${Math.round(rendered)} ms after navigation`);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    // Each point is one zero-length segment ("M x yh0") of its side's path.
    const points = (id: string) =>
      page
        .locator(`#${id} path.points`)
        .evaluateAll((ps) =>
          ps.reduce((n, p) => n + (p.getAttribute('d')!.match(/M/g) ?? []).length, 0),
        );
    expect(await points('q-docs-qa-ndcg-10-scatter')).toBe(10_000);
    expect(await points('q-docs-qa-recall-100-scatter')).toBe(10_000);
    expect(await page.locator('#q-docs-qa-ndcg-10-delta .bars rect').count()).toBe(40);
    expect(await page.locator('#compat-measures .dot').count()).toBe(7);
    // The budget is one second; two shared, busy cores get a margin.
    expect(rendered).toBeLessThan(2000);
    await page.close();
  }, 30_000);

  it('filters findings by keyboard and by pointer, and says how many are shown', async () => {
    const { page } = await open(files[300]!);
    const visible = () => page.locator('#findings tbody tr:visible').count();
    expect(await visible()).toBe(5);
    // Keyboard: on the severity filter, ArrowDown picks "error"; Tab moves to the next filter.
    const focused = () =>
      page.evaluate(() => (globalThis as unknown as Browser).document.activeElement?.name);
    await page.locator('select[name=severity]').focus();
    await page.keyboard.press('ArrowDown');
    expect(await visible()).toBe(1);
    expect(await page.locator('#findings-shown').textContent()).toBe('1 of 5 findings shown');
    await page.keyboard.press('ArrowDown'); // "info"
    expect(await visible()).toBe(2);
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('consumer');
    await page.keyboard.press('ArrowDown'); // "fraud <model>": neither info finding is its
    expect(await visible()).toBe(0);
    expect(await page.locator('#findings-shown').textContent()).toBe('0 of 5 findings shown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.down('Shift');
    await page.keyboard.press('Tab');
    await page.keyboard.up('Shift');
    expect(await focused()).toBe('severity');
    // Pointer: choose options as a click would.
    await page.locator('select[name=severity]').selectOption('');
    await page.locator('select[name=consumer]').selectOption('search-index');
    expect(await visible()).toBe(2);
    await page.locator('select[name=check]').selectOption('contract');
    expect(await visible()).toBe(0);
    await page.locator('select[name=consumer]').selectOption('');
    expect(await visible()).toBe(1);
    await page.close();
  });

  it('looks like the golden screenshot, section by section', async () => {
    const { page } = await open(files[300]!);
    const ids = await page.locator('section').evaluateAll((s) => s.map((e) => e.id));
    const failures: string[] = [];
    for (const id of ids) {
      const png = await page.locator(`#${id}`).screenshot({ animations: 'disabled' });
      const diff = compareWithGolden(`${id}.png`, png);
      if (diff) failures.push(`${id}: ${diff}`);
    }
    expect(failures).toEqual([]);
    await page.close();
  }, 60_000);
});

/** Compares a PNG with test/golden/html/<name>; UPDATE_GOLDEN=1 (or a missing golden) writes it. */
function compareWithGolden(name: string, actual: Buffer): string | undefined {
  const file = join(GOLDEN, name);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(file)) {
    if (process.env.CI && !existsSync(file)) return `golden ${name} is missing`;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return undefined;
  }
  const a = PNG.sync.read(actual);
  const g = PNG.sync.read(readFileSync(file));
  if (a.width !== g.width || a.height !== g.height)
    return `size ${a.width}×${a.height}, golden ${g.width}×${g.height}`;
  const differing = pixelmatch(a.data, g.data, undefined, a.width, a.height, { threshold: 0.1 });
  const ratio = differing / (a.width * a.height);
  return ratio > MAX_DIFF_RATIO
    ? `${differing} pixels differ (${(ratio * 100).toFixed(2)}%, at most ${MAX_DIFF_RATIO * 100}%)`
    : undefined;
}
