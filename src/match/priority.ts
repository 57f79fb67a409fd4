import type { SeverityLevel, VulnerabilityFinding, VulnStatus } from '../findings/types.js';

/**
 * The order in which to act, from exploitation evidence first and impact second (the rule
 * is written out in docs/policy.md):
 *
 *   P0  known exploited (CISA KEV)
 *   P1  EPSS >= 0.5, or critical with EPSS >= 0.1
 *   P2  critical or high
 *   P3  medium, or no rating at all (unknown is not safe)
 *   P4  low or negligible
 *
 * With no fix available a finding drops one level (below P0 only): nothing can be
 * upgraded yet, so it calls for a mitigation rather than the next patch. The score orders
 * findings across and within levels: 20 points per level above P4, plus up to 15 from the
 * highest CVSS score and up to 4 from EPSS.
 */
export type PriorityLevel = VulnerabilityFinding['priority']['level'];

export interface PriorityInput {
  severity: SeverityLevel;
  cvss?: number;
  kev: boolean;
  epss?: number;
  status: VulnStatus;
}

const LEVELS: readonly PriorityLevel[] = ['P0', 'P1', 'P2', 'P3', 'P4'];

export function computePriority(input: PriorityInput): VulnerabilityFinding['priority'] {
  const { rank, drivers } = baseRank(input);
  const fixed = input.status === 'fixed';
  const lowered = !fixed && rank > 0 && rank < LEVELS.length - 1;
  const final = lowered ? rank + 1 : rank;

  drivers.push(fixed ? 'fix available' : `no fix (${input.status})`);
  if (lowered) drivers.push('lowered one level');

  const level = LEVELS[final]!;
  const extra = (input.cvss ?? 0) * 1.5 + (input.epss ?? 0) * 4;
  const score = (LEVELS.length - 1 - final) * 20 + Math.round(extra);
  return { level, score, reason: `${level}: ${drivers.join(', ')}` };
}

function baseRank(input: PriorityInput): { rank: number; drivers: string[] } {
  const severity = describeSeverity(input);
  const epss = input.epss;
  const epssText = epss !== undefined ? `EPSS ${(epss * 100).toFixed(1)}%` : undefined;

  if (input.kev) return { rank: 0, drivers: ['known exploited (KEV)', severity] };
  if (epss !== undefined && (epss >= 0.5 || (input.severity === 'CRITICAL' && epss >= 0.1))) {
    return { rank: 1, drivers: [`likely exploited (${epssText})`, severity] };
  }

  const withEpss = (drivers: string[]) => (epssText ? [...drivers, epssText] : drivers);
  if (input.severity === 'CRITICAL' || input.severity === 'HIGH') {
    return { rank: 2, drivers: withEpss([severity]) };
  }
  if (input.severity === 'MEDIUM' || input.severity === 'UNKNOWN') {
    return { rank: 3, drivers: withEpss([severity]) };
  }
  return { rank: 4, drivers: withEpss([severity]) };
}

function describeSeverity(input: PriorityInput): string {
  const word =
    input.severity === 'UNKNOWN' ? 'unrated' : `${input.severity.toLowerCase()} severity`;
  return input.cvss !== undefined ? `${word} (CVSS ${input.cvss.toFixed(1)})` : word;
}
