/**
 * The progress line itself (src/cli/progress.ts) on a fake clock: silent for a step's first
 * 2 s, then the counter with rate and time left, redrawn at most 5 times a second, restarted
 * by a new count, erased by a new step and at the end.
 */
import { describe, expect, it } from 'vitest';
import { progressDisplay, progressLine } from '../../src/cli/progress.js';
import { progressText } from '../../src/report/describe.js';

function harness() {
  let now = 0;
  const writes: string[] = [];
  const display = progressDisplay(
    (t) => writes.push(t),
    () => now,
  );
  return {
    display,
    writes,
    at: (ms: number) => void (now = ms),
    /** The last frame drawn, without the erase prefix. */
    last: () => writes.at(-1)?.replace('\r\x1b[2K', ''),
  };
}

describe('progressText', () => {
  it('says done of total, the rate, and the time left', () => {
    expect(progressText({ done: 1200, total: 3000, unit: 'rows' }, 2000)).toBe(
      '1,200 / 3,000 rows · 600 rows/s · ETA 3 s',
    );
    expect(progressText({ done: 10, total: 100_010, unit: 'corpus rows' }, 1000)).toBe(
      '10 / 100,010 corpus rows · 10 corpus rows/s · ETA 166 min 40 s',
    );
    expect(progressText({ done: 500, unit: 'rows' }, 1000)).toBe('500 rows · 500 rows/s');
    expect(progressText({ done: 3000, total: 3000, unit: 'rows' }, 1000)).toBe(
      '3,000 / 3,000 rows · 3,000 rows/s',
    );
    expect(progressText({ done: 0, total: 3, unit: 'models' }, 0)).toBe('0 / 3 models');
  });
});

describe('the line on a fake clock', () => {
  it('stays silent for a step’s first 2 s, then shows the counter with rate and ETA', () => {
    const h = harness();
    h.display.begin('reading the vectors');
    h.at(500);
    h.display.update({ done: 1000, total: 10_000, unit: 'rows', what: 'candidate' });
    h.at(1999);
    h.display.tick();
    expect(h.writes).toEqual([]);
    h.at(2000);
    h.display.update({ done: 4000, total: 10_000, unit: 'rows', what: 'candidate' });
    expect(h.last()).toBe(
      'embedding-gate: reading the vectors (candidate): 4,000 / 10,000 rows · 2,000 rows/s · ETA 3 s · 2.0 s',
    );
  });

  it('draws at most 5 times a second; the timer’s tick moves the elapsed time', () => {
    const h = harness();
    h.display.begin('running the benchmark suites');
    h.at(2000);
    h.display.tick();
    expect(h.writes).toHaveLength(1);
    expect(h.last()).toBe('embedding-gate: running the benchmark suites… · 2.0 s');
    for (let t = 2010; t < 2200; t += 10) {
      h.at(t);
      h.display.update({ done: t, total: 10_000, unit: 'corpus rows' });
    }
    expect(h.writes).toHaveLength(1);
    h.at(2200);
    h.display.tick();
    expect(h.writes).toHaveLength(2);
    expect(h.last()).toMatch(
      /^embedding-gate: running the benchmark suites: 2,190 \/ 10,000 corpus rows · .* · 2\.2 s$/,
    );
  });

  it('a new count (another side, another kNN run) restarts the rate; the rate is the count’s, not diluted by idle time', () => {
    const h = harness();
    h.display.begin('reading the vectors');
    h.at(4000);
    h.display.update({ done: 8000, total: 8000, unit: 'rows', what: 'candidate' });
    expect(h.last()).toContain('(candidate): 8,000 / 8,000 rows · 2,000 rows/s');
    h.at(4500);
    h.display.tick();
    expect(h.last()).toBe(
      'embedding-gate: reading the vectors (candidate): 8,000 / 8,000 rows · 2,000 rows/s · 4.5 s',
    );
    h.at(5000);
    h.display.update({ done: 0, total: 6000, unit: 'rows', what: 'baseline' });
    h.at(6000);
    h.display.update({ done: 3000, total: 6000, unit: 'rows', what: 'baseline' });
    // The new count runs from the end of the last one (4 s): 3,000 rows in 2 s.
    expect(h.last()).toContain('(baseline): 3,000 / 6,000 rows · 1,500 rows/s · ETA 2 s');
  });

  it('erases the line when the next step begins (its own 2 s start again) and at the end', () => {
    const h = harness();
    h.display.begin('reading the vectors');
    h.at(3000);
    h.display.tick();
    h.display.begin('judging');
    expect(h.writes.at(-1)).toBe('\r\x1b[2K');
    h.at(4000);
    h.display.tick();
    expect(h.writes).toHaveLength(2);
    h.at(5000);
    h.display.tick();
    h.display.end();
    expect(h.writes.at(-1)).toBe('\r\x1b[2K');
    const n = h.writes.length;
    h.display.end();
    expect(h.writes).toHaveLength(n);
  });

  it('a run shorter than 2 s a step prints nothing at all', () => {
    let now = 0;
    const writes: string[] = [];
    const line = progressLine(
      (t) => writes.push(t),
      () => (now += 100),
    );
    for (const step of ['plan', 'scan', 'consumers', 'judge'] as const) {
      line.stepStarted(step);
      line.progress?.(step, { done: 1, total: 2, unit: 'rows' });
      line.tick();
      line.stepFinished(step);
    }
    line.end();
    expect(writes).toEqual([]);
  });
});
