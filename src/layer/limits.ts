/** Bounds on what one layer may make drydock do; every one is a defence against a hostile image. */
export interface WalkLimits {
  /** Largest uncompressed layer accepted. */
  maxInflatedBytes: number;
  /**
   * Largest inflated:compressed ratio accepted once a layer has inflated past
   * `ratioGraceBytes`; real layers stay far below it, decompression bombs do not.
   */
  maxRatio: number;
  ratioGraceBytes: number;
  /** Largest pax header or GNU long name record. */
  maxMetaBytes: number;
  /** Diagnostics kept per layer; the rest are counted in one summary line. */
  maxDiagnostics: number;
}

export const DEFAULT_LIMITS: WalkLimits = {
  maxInflatedBytes: 64 * 1024 ** 3,
  maxRatio: 1000,
  ratioGraceBytes: 256 * 1024 ** 2,
  maxMetaBytes: 1024 * 1024,
  maxDiagnostics: 200,
};
