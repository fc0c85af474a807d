/** The text report marks waived and overridden findings where they are listed. */
import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/report/text.js';
import { MACHINE_SAMPLE } from './sarif-fixture.js';

describe('text report', () => {
  it('says under a waived or overridden finding that it does not block, and why', () => {
    const lines = formatText(MACHINE_SAMPLE).split('\n');
    const after = (id: string) => lines[lines.findIndex((l) => l.includes(id)) + 2];
    expect(after('vectors.readable')).toBe(
      '           does not block: waived (owner @org/data, until 2099-01-31): known truncated export; re-exported in 2.0.1',
    );
    expect(after('contract.metric')).toBe(
      '           does not block: overridden by alice (label "breaking-change"): pull request #42: v2 space',
    );
    // A finding that blocks carries no such line.
    expect(after('vectors.non-finite')).not.toMatch(/does not block/);
  });
});
