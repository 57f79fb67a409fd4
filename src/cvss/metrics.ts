/**
 * The metrics each CVSS version defines, with their allowed values, as listed in the
 * specifications' vector string sections: CVSS v2.0 guide section 2.4, CVSS v3.1
 * specification section 6 (v3.0 uses the same metrics), CVSS v4.0 specification section 7.
 * `base` metrics are mandatory; every other listed metric is optional and appears at most
 * once.
 */
export type CvssVersion = '2.0' | '3.0' | '3.1' | '4.0';

export interface MetricSet {
  base: Readonly<Record<string, readonly string[]>>;
  optional: Readonly<Record<string, readonly string[]>>;
}

const CIA3 = ['H', 'L', 'N'];
const REQ = ['X', 'H', 'M', 'L'];

const V2: MetricSet = {
  base: {
    AV: ['L', 'A', 'N'],
    AC: ['H', 'M', 'L'],
    Au: ['M', 'S', 'N'],
    C: ['N', 'P', 'C'],
    I: ['N', 'P', 'C'],
    A: ['N', 'P', 'C'],
  },
  optional: {
    E: ['U', 'POC', 'F', 'H', 'ND'],
    RL: ['OF', 'TF', 'W', 'U', 'ND'],
    RC: ['UC', 'UR', 'C', 'ND'],
    CDP: ['N', 'L', 'LM', 'MH', 'H', 'ND'],
    TD: ['N', 'L', 'M', 'H', 'ND'],
    CR: ['L', 'M', 'H', 'ND'],
    IR: ['L', 'M', 'H', 'ND'],
    AR: ['L', 'M', 'H', 'ND'],
  },
};

const V3: MetricSet = {
  base: {
    AV: ['N', 'A', 'L', 'P'],
    AC: ['L', 'H'],
    PR: ['N', 'L', 'H'],
    UI: ['N', 'R'],
    S: ['U', 'C'],
    C: CIA3,
    I: CIA3,
    A: CIA3,
  },
  optional: {
    E: ['X', 'U', 'P', 'F', 'H'],
    RL: ['X', 'O', 'T', 'W', 'U'],
    RC: ['X', 'U', 'R', 'C'],
    CR: REQ,
    IR: REQ,
    AR: REQ,
    MAV: ['X', 'N', 'A', 'L', 'P'],
    MAC: ['X', 'L', 'H'],
    MPR: ['X', 'N', 'L', 'H'],
    MUI: ['X', 'N', 'R'],
    MS: ['X', 'U', 'C'],
    MC: ['X', ...CIA3],
    MI: ['X', ...CIA3],
    MA: ['X', ...CIA3],
  },
};

const V4: MetricSet = {
  base: {
    AV: ['N', 'A', 'L', 'P'],
    AC: ['L', 'H'],
    AT: ['N', 'P'],
    PR: ['N', 'L', 'H'],
    UI: ['N', 'P', 'A'],
    VC: CIA3,
    VI: CIA3,
    VA: CIA3,
    SC: CIA3,
    SI: CIA3,
    SA: CIA3,
  },
  optional: {
    E: ['X', 'A', 'P', 'U'],
    CR: REQ,
    IR: REQ,
    AR: REQ,
    MAV: ['X', 'N', 'A', 'L', 'P'],
    MAC: ['X', 'L', 'H'],
    MAT: ['X', 'N', 'P'],
    MPR: ['X', 'N', 'L', 'H'],
    MUI: ['X', 'N', 'P', 'A'],
    MVC: ['X', ...CIA3],
    MVI: ['X', ...CIA3],
    MVA: ['X', ...CIA3],
    MSC: ['X', ...CIA3],
    MSI: ['X', 'S', ...CIA3],
    MSA: ['X', 'S', ...CIA3],
    S: ['X', 'N', 'P'],
    AU: ['X', 'N', 'Y'],
    R: ['X', 'A', 'U', 'I'],
    V: ['X', 'D', 'C'],
    RE: ['X', 'L', 'M', 'H'],
    U: ['X', 'Clear', 'Green', 'Amber', 'Red'],
  },
};

export const METRICS: Readonly<Record<CvssVersion, MetricSet>> = {
  '2.0': V2,
  '3.0': V3,
  '3.1': V3,
  '4.0': V4,
};
