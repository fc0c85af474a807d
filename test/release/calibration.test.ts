import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { calibrate, calibrationTable } from './calibration.js';

const README = join(resolve(import.meta.dirname, '..', '..'), 'README.md');

describe('compatibility calibration (2,000 × 64 clustered space)', () => {
  const rows = calibrate();
  const by = (name: string) => rows.find((r) => r.name === name)!;

  it('is the table the README shows', () => {
    const readme = readFileSync(README, 'utf8');
    const block = /<!-- calibration:start -->\n([\s\S]*?)\n<!-- calibration:end -->/.exec(readme);
    expect(block, 'README.md has a calibration block').not.toBeNull();
    expect(block![1]).toBe(calibrationTable(rows));
  });

  it('separates the cases the defaults were chosen for', () => {
    expect(rows.map((r) => `${r.name}: ${r.verdict}`)).toEqual([
      'identical: mixable',
      'noise 0.1: mixable',
      'noise 0.2: mixable',
      'noise 0.3: mixable',
      'noise 0.4: mixable',
      'noise 0.5: reindex',
      'noise 0.7: reindex',
      'noise 1.0: reindex',
      'random rotation: reindex',
      'rotation + noise 0.2: reindex',
      'different model: reindex',
      'dims 64 → 128 (map of the same space): reindex',
      'dims 64 → 128 (different model): reindex',
    ]);
    // A rotation keeps every neighbourhood and moves every coordinate: only same-id agreement catches it.
    expect(by('random rotation').measures).toMatchObject({ knnOverlap: 1 });
    expect(by('random rotation').measures.cka).toBeGreaterThan(0.999);
    expect(Math.abs(by('random rotation').measures.sameIdCosine!.mean)).toBeLessThan(0.05);
    expect(by('random rotation').neighbourhoods).toBe('preserved');
    expect(by('different model').neighbourhoods).toBe('changed');
    expect(by('dims 64 → 128 (map of the same space)').neighbourhoods).toBe('preserved');
    expect(by('dims 64 → 128 (different model)').neighbourhoods).toBe('changed');
  });
});
