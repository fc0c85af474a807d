import { openLocalSource } from '../sources/local.js';
import type { SourceOpener } from '../sources/types.js';
import { VERSION } from '../version.js';
import { openVectors } from '../vectors/open.js';
import type { GateDeps } from './plan.js';
import { scanFile } from './scan.js';

/**
 * The real dependencies the CLI and the Action run with. Every vectors byte the engine
 * reads — the scan, the benchmarks, staging, the compatibility sample, the sha256 checks —
 * comes through `openSource`, so a test that passes a recording opener sees all of it.
 */
export function defaultDeps(openSource: SourceOpener = openLocalSource): GateDeps {
  const open: GateDeps['openVectors'] = (path, opts) => openVectors(path, opts, openSource);
  return {
    scan: (request) => scanFile(request, openSource),
    toolVersion: VERSION,
    openVectors: open,
    openSource,
  };
}
