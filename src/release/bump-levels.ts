/** The semver levels of the versioning policy and the reasons that require them (bump.ts). */

/** Semver change levels, from none to major. */
export type BumpLevel = 'none' | 'patch' | 'minor' | 'major';

/** Order of the levels, for comparing a declared bump with a required one. */
export const BUMP_RANK: Readonly<Record<BumpLevel, number>> = {
  none: 0,
  patch: 1,
  minor: 2,
  major: 3,
};

/** One difference and the bump it requires. */
export interface BumpReason {
  readonly level: Exclude<BumpLevel, 'none'>;
  /** The manifest field (or `space` for the empirical answer, `vectors` for content). */
  readonly field: string;
  readonly from?: string;
  readonly to?: string;
  readonly why: string;
}
