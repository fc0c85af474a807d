/**
 * Consumer contract checks: every consumer of the candidate's embedding must accept its
 * version, dims, dtype, normalisation and metric. Pending consumers are checked the same
 * way; that their findings never block is decided in judgeFindings (src/gate/judge.ts).
 */
import semver from 'semver';
import type { Manifest } from '../../config/manifest.js';
import type {
  ConsumerResult,
  CoverageSummary,
  RequirementResult,
  VectorSummary,
} from '../report-model.js';
import { DEFAULT_NORM_TOLERANCE, type LoadedContract } from '../../config/contract.js';
import type { Finding } from '../../config/findings.js';
import { count, percent, statistic } from '../../config/numbers.js';
import { maxNormDeviation } from './vectors.js';

/**
 * Checks one valid contract against a valid candidate manifest, its measured vectors and,
 * with a baseline, the id coverage. `min_coverage` without a coverage measurement (no
 * baseline, or a side without ids) is a `contract.coverage` warning: not checked, never a
 * silent pass.
 */
export function checkConsumer(
  loaded: LoadedContract,
  manifest: Manifest,
  measured: VectorSummary | undefined,
  coverage?: CoverageSummary,
): { result: ConsumerResult; findings: Finding[] } {
  const contract = loaded.contract!;
  const status = contract.status ?? 'active';
  const base = {
    consumer: contract.consumer,
    owner: contract.owner,
    contract: loaded.doc.file,
    status,
  };
  if (contract.embedding !== manifest.name) {
    return { result: { ...base, applies: false, satisfied: true, requirements: [] }, findings: [] };
  }

  const requirements: (RequirementResult & { field: readonly string[] })[] = [];
  const req = contract.requires;
  requirements.push({
    requirement: 'version',
    field: ['accepts'],
    expected: contract.accepts,
    found: manifest.version,
    ok: semver.satisfies(manifest.version, contract.accepts, { includePrerelease: true }),
  });
  if (req.dims !== undefined) {
    const found = measured?.dims ?? manifest.dims;
    requirements.push({
      requirement: 'dims',
      field: ['requires', 'dims'],
      expected: String(req.dims),
      found: String(found),
      ok: found === req.dims && manifest.dims === req.dims,
    });
  }
  if (req.dtype !== undefined) {
    const accepted: readonly string[] = Array.isArray(req.dtype) ? req.dtype : [req.dtype];
    requirements.push({
      requirement: 'dtype',
      field: ['requires', 'dtype'],
      expected: accepted.join(' | '),
      found: manifest.dtype,
      ok: accepted.includes(manifest.dtype),
    });
  }
  if (req.normalization !== undefined) {
    const tolerance = req.norm_tolerance ?? DEFAULT_NORM_TOLERANCE;
    let ok = manifest.normalization === req.normalization;
    let found: string = manifest.normalization;
    if (ok && req.normalization === 'l2' && measured?.norms) {
      const deviation = maxNormDeviation(measured);
      ok = deviation <= tolerance;
      found = `l2, measured ‖v‖ in [${statistic(measured.norms.min)}, ${statistic(measured.norms.max)}]`;
    }
    requirements.push({
      requirement: 'normalization',
      field: ['requires', 'normalization'],
      expected: req.normalization === 'l2' ? `l2 (‖v‖ = 1 ± ${tolerance})` : 'none',
      found,
      ok,
    });
  }
  if (req.metric !== undefined) {
    requirements.push({
      requirement: 'metric',
      field: ['requires', 'metric'],
      expected: req.metric,
      found: manifest.metric,
      ok: metricCompatible(req.metric, manifest),
    });
  }

  const findings: Finding[] = [];
  if (req.min_rows !== undefined && measured) {
    requirements.push({
      requirement: 'rows',
      field: ['requires', 'min_rows'],
      expected: `at least ${count(req.min_rows)}`,
      found: count(measured.rows),
      ok: measured.rows >= req.min_rows,
    });
  }
  if (req.min_coverage !== undefined) {
    if (coverage) {
      // Declared removals are still ids this consumer loses: its requirement, not the producer's.
      const held = coverage.baselineIds - coverage.missing - (coverage.removed ?? 0);
      const fraction = coverage.baselineIds === 0 ? 1 : held / coverage.baselineIds;
      requirements.push({
        requirement: 'coverage',
        field: ['requires', 'min_coverage'],
        expected: `at least ${percent(req.min_coverage, 2)} of baseline ids`,
        found: `${percent(fraction, 2)} (${count(held)} of ${count(coverage.baselineIds)})`,
        ok: fraction >= req.min_coverage,
      });
    } else {
      findings.push({
        id: 'contract.coverage',
        severity: 'warning',
        consumer: contract.consumer,
        message: `${contract.consumer} (${contract.owner}) requires ${percent(req.min_coverage, 2)} of the baseline's ids, which was not measured: gate with a baseline whose vectors and the candidate's have ids`,
        location: loaded.doc.locate(['requires', 'min_coverage']),
      });
    }
  }
  for (const r of requirements) {
    if (r.ok) continue;
    findings.push({
      id: `contract.${r.requirement}`,
      severity: 'error',
      consumer: contract.consumer,
      message: `${contract.consumer} (${contract.owner}) requires ${r.requirement} ${r.expected}, candidate ${manifest.version} has ${r.found}`,
      location: loaded.doc.locate(r.field),
      expected: r.expected,
      found: r.found,
    });
  }
  const cleaned = requirements.map(({ field: _field, ...rest }) => rest);
  return {
    result: {
      ...base,
      applies: true,
      satisfied: cleaned.every((r) => r.ok),
      requirements: cleaned,
    },
    findings,
  };
}

/**
 * Same metric, or cosine and dot on l2-normalised vectors, which rank identically: a dot
 * product of unit vectors is their cosine.
 */
function metricCompatible(required: string, manifest: Manifest): boolean {
  if (required === manifest.metric) return true;
  const pair = new Set([required, manifest.metric]);
  return manifest.normalization === 'l2' && pair.has('cosine') && pair.has('dot');
}
