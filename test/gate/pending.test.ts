import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LoadedContract } from '../../src/config/contract.js';
import { SEVERITY_RANK, type Finding } from '../../src/config/findings.js';
import {
  downgradePending,
  judgeFindings,
  PENDING_NOTE,
  pendingConsumers,
} from '../../src/gate/judge.js';
import { decideVerdict, isBlocking, type FailOn } from '../../src/gate/report-model.js';

const NAMES = ['search', 'fraud', 'ads', 'recs'] as const;

const finding: fc.Arbitrary<Finding> = fc
  .record({
    id: fc.constantFrom('contract.dims', 'bench.regression', 'staging.metric', 'vectors.nan'),
    severity: fc.constantFrom('error' as const, 'warning' as const, 'info' as const),
    message: fc.string({ maxLength: 20 }),
    consumer: fc.option(fc.constantFrom(...NAMES), { nil: undefined }),
    file: fc.constantFrom('contracts/a.yaml', 'contracts/b.yaml'),
  })
  .map(({ file, consumer, ...f }) => ({
    ...f,
    ...(consumer !== undefined && { consumer }),
    location: { file },
  }));

const pendingSet = fc.subarray([...NAMES]).map((names) => new Set<string>(names));

describe('pending consumers: downgraded once, where findings are judged', () => {
  it('is idempotent, never raises a severity, and marks only pending consumers’ findings', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 12 }), pendingSet, (findings, pending) => {
        const once = downgradePending(findings, pending);
        expect(downgradePending(once, pending)).toEqual(once);
        expect(once).toHaveLength(findings.length);
        once.forEach((after, i) => {
          const before = findings[i]!;
          expect(SEVERITY_RANK[after.severity]).toBeLessThanOrEqual(SEVERITY_RANK[before.severity]);
          const isPending = before.consumer !== undefined && pending.has(before.consumer);
          const downgraded = isPending && before.severity === 'error';
          expect(after).toEqual(
            downgraded
              ? {
                  ...before,
                  severity: 'warning',
                  message: before.message + PENDING_NOTE,
                  pending: true,
                }
              : isPending
                ? { ...before, pending: true }
                : before,
          );
        });
      }),
    );
  });

  it('never lets a pending consumer’s finding block, at any fail-on', () => {
    fc.assert(
      fc.property(
        fc.array(finding, { maxLength: 12 }),
        pendingSet,
        fc.constantFrom<FailOn>('error', 'warning', 'never'),
        (findings, pending, failOn) => {
          const { findings: judged } = judgeFindings(findings, {
            failOn,
            now: () => new Date('2026-01-01T00:00:00Z'),
            pendingConsumers: pending,
          });
          const isPending = (f: Finding) => f.consumer !== undefined && pending.has(f.consumer);
          for (const f of judged) if (isPending(f)) expect(isBlocking(f, failOn)).toBe(false);
          // The verdict is the verdict of the other findings alone.
          expect(decideVerdict(judged, failOn)).toBe(
            decideVerdict(
              findings.filter((f) => !isPending(f)),
              failOn,
            ),
          );
          // Everything else blocks exactly as it did.
          const others = (list: readonly Finding[]) => list.filter((f) => !isPending(f));
          expect(others(judged).map((f) => isBlocking(f, failOn))).toEqual(
            others(findings).map((f) => isBlocking(f, failOn)),
          );
        },
      ),
    );
  });

  it('words the downgrade as the report always has', () => {
    const [f] = downgradePending(
      [
        {
          id: 'contract.dims',
          severity: 'error',
          consumer: 'classifier',
          message: 'classifier (@org/risk) requires dims 384, candidate 2.0.0 has 768',
        },
      ],
      new Set(['classifier']),
    );
    expect(f).toMatchObject({
      severity: 'warning',
      message:
        'classifier (@org/risk) requires dims 384, candidate 2.0.0 has 768 — pending consumer: reported, does not block',
    });
  });

  it('counts a consumer as pending only when no active contract shares its name', () => {
    const contract = (consumer: string, status?: 'active' | 'pending') =>
      ({ contract: { consumer, ...(status && { status }) } }) as unknown as LoadedContract;
    const pending = pendingConsumers([
      contract('fraud', 'pending'),
      contract('search'),
      contract('ads', 'pending'),
      contract('ads', 'active'),
      { contract: undefined } as unknown as LoadedContract,
    ]);
    expect([...pending]).toEqual(['fraud']);
  });
});
