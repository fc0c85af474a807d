/** What every part of staging validation is given: the outside world, as parameters. */
import type { Manifest } from '../config/manifest.js';
import type { OrtModule } from '../onnx/session.js';
import type { SourceOpener } from '../sources/types.js';
import type { OpenOptions, VectorDType, VectorSource } from '../vectors/types.js';

/** One version's vectors, as its manifest declares them. */
export interface StagingSide {
  readonly manifest: Manifest;
  readonly vectors: {
    readonly path: string;
    readonly displayPath: string;
    readonly open: OpenOptions;
    /** The manifest's dims and dtype (the scan has checked the file against them). */
    readonly info: { readonly dims: number; readonly dtype: VectorDType };
  };
}

/** The settings and dependencies of one staging run. */
export interface StagingContext {
  readonly workspace: string;
  readonly cwd: string;
  readonly ort: OrtModule;
  readonly openVectors: (path: string, opts: OpenOptions) => Promise<VectorSource>;
  /** Where model, labels and probe-set bytes come from (the gate's byte sources). */
  readonly openSource: SourceOpener;
  readonly limits: {
    readonly maxModelBytes: number;
    readonly maxDataBytes: number;
    readonly threads?: number;
  };
  /** Seed of the bootstrap and sign-flip draws. */
  readonly seed: number;
  readonly candidate: StagingSide;
  readonly baseline?: StagingSide;
}
