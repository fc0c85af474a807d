import { confinedOpener } from '../sources/confined.js';
import { openLocalSource } from '../sources/local.js';
import { routedOpener } from '../sources/router.js';
import type { SourceOpener } from '../sources/types.js';
import { VERSION } from '../version.js';
import { openVectors } from '../vectors/open.js';
import type { GateDeps } from './plan.js';
import { scanFile } from './scan.js';

/** Options of {@link defaultDeps}. */
export interface DefaultDepsOptions {
  /**
   * Refuse every byte source whose real path lies outside this directory (the edges pass
   * the run's workspace; see sources/confined.ts). Absent: `openSource` as given.
   */
  readonly workspace?: string;
  /**
   * Open `s3://` and `http(s)://` sources (`--allow-remote`). Off: such a source is refused
   * with a ConfigError naming the URL and the flag (sources/router.ts).
   */
  readonly allowRemote?: boolean;
}

/** The functions defaultDeps built, so {@link confineDeps} can rebuild exactly those. */
const builtByDefault = new WeakSet<object>();

/**
 * The real dependencies the CLI and the Action run with. Every vectors byte the engine
 * reads — the scan, the benchmarks, staging, the compatibility sample, the sha256 checks —
 * comes through `openSource`, so a test that passes a recording opener sees all of it.
 * With `options.workspace`, that opener is wrapped in {@link confinedOpener}.
 */
export function defaultDeps(
  openSource: SourceOpener = openLocalSource,
  options: DefaultDepsOptions = {},
): GateDeps {
  const local =
    options.workspace === undefined ? openSource : confinedOpener(options.workspace, openSource);
  // Outermost, so a URL is routed before the confined opener's path check refuses it.
  const opener = routedOpener(local, { allowRemote: options.allowRemote === true });
  const open: GateDeps['openVectors'] = (path, opts) => openVectors(path, opts, opener);
  const scan: GateDeps['scan'] = (request) => scanFile(request, opener);
  builtByDefault.add(open);
  builtByDefault.add(scan);
  return { scan, toolVersion: VERSION, openVectors: open, openSource: opener };
}

/**
 * `deps` confined to `workspace` (undefined: not confined, only routed), for an edge that learns the workspace only from its
 * arguments: its byte opener wrapped in {@link confinedOpener}, and the scanner and vectors
 * opener rebuilt on it where they are {@link defaultDeps}'s own (a test's stand-in scanner
 * is kept as given). Everything else (clock, onnxruntime, …) is kept.
 */
export function confineDeps(
  deps: GateDeps,
  workspace: string | undefined,
  options: { readonly allowRemote?: boolean } = {},
): GateDeps {
  const confined = defaultDeps(deps.openSource ?? openLocalSource, {
    ...(workspace !== undefined && { workspace }),
    allowRemote: options.allowRemote === true,
  });
  return {
    ...deps,
    openSource: confined.openSource,
    scan: builtByDefault.has(deps.scan) ? confined.scan : deps.scan,
    ...(deps.openVectors && builtByDefault.has(deps.openVectors)
      ? { openVectors: confined.openVectors }
      : {}),
  };
}
