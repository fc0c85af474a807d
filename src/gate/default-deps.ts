import { VERSION } from '../version.js';
import { openVectors } from '../vectors/open.js';
import type { GateDeps } from './plan.js';
import { scanFile } from './scan.js';

/** The real dependencies the CLI and the Action run with. */
export function defaultDeps(): GateDeps {
  return { scan: scanFile, toolVersion: VERSION, openVectors };
}
