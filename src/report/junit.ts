import type { ScanResult } from '../findings/types.js';
import { escapeXml } from './escape.js';
import {
  evidencePlace,
  fixedText,
  normaliseResult,
  packageLabel,
  policyLines,
  secretLevel,
  secretPlace,
  suppressionText,
} from './model.js';
import type { ReportOptions } from './types.js';

/**
 * `--format junit`: JUnit XML as CI servers read it. One testsuite per scanner that ran,
 * one failing testcase per finding; suppressed findings and matches that could not be
 * evaluated are skipped cases carrying the reason, so they show without failing the build.
 * A scanner that found nothing gets one passing case, so its suite is visibly there.
 */
interface Case {
  classname: string;
  name: string;
  outcome:
    | { kind: 'failure'; type: string; message: string; body: string }
    | { kind: 'skipped'; message: string }
    | { kind: 'pass' };
}

interface Suite {
  name: string;
  cases: Case[];
}

export function renderJunitReport(input: ScanResult, options: ReportOptions): string {
  const result = normaliseResult(input, options);
  const all = [vulnSuite(result), secretSuite(result), misconfigSuite(result), policySuite(result)];
  const suites = all.filter((s): s is Suite => s !== undefined);

  const total = count(suites, () => true);
  const failures = count(suites, (c) => c.outcome.kind === 'failure');
  const skipped = count(suites, (c) => c.outcome.kind === 'skipped');
  const stamp = escapeXml(result.createdAt);
  const counts = `tests="${total}" failures="${failures}" errors="0" skipped="${skipped}"`;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="drydock" ${counts} time="0">`,
    ...suites.flatMap((s) => suiteXml(s, stamp, result.target.name)),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

function count(suites: readonly Suite[], pick: (c: Case) => boolean): number {
  return suites.reduce((n, s) => n + s.cases.filter(pick).length, 0);
}

function ran(result: ScanResult, scanner: ScanResult['scanners'][number], found: number): boolean {
  return found > 0 || result.scanners.includes(scanner);
}

function vulnSuite(result: ScanResult): Suite | undefined {
  const found = result.vulnerabilities.length + result.unevaluated.length;
  if (!ran(result, 'vuln', found)) return undefined;

  const cases: Case[] = result.vulnerabilities.map((v) => {
    const classname = `${v.package.ecosystem}.${v.package.name}`;
    const name = `${v.id} in ${packageLabel(v)}`;
    if (v.suppressed !== undefined) {
      return { classname, name, outcome: { kind: 'skipped', message: suppressionText(v) } };
    }
    const fixed = fixedText(v);
    const body = [
      `${v.severity.level} (${v.severity.source})${v.kev ? ', known exploited' : ''}`,
      `installed: ${v.installedVersion}; fixed: ${fixed || 'none'}`,
      `priority: ${v.priority.level}: ${v.priority.reason}`,
      ...v.paths.map((p) => `path: ${p}`),
      ...(v.aliases.length > 0 ? [`aliases: ${v.aliases.join(', ')}`] : []),
      ...(v.description !== undefined ? ['', v.description] : []),
    ].join('\n');
    const message = `${v.severity.level}: ${v.title ?? v.id}`;
    return { classname, name, outcome: { kind: 'failure', type: v.severity.level, message, body } };
  });
  for (const u of result.unevaluated) {
    const message = `could not evaluate: ${u.reason}`;
    cases.push({
      classname: `${u.package.ecosystem}.${u.package.name}`,
      name: `${u.advisory} in ${packageLabel(u)}`,
      outcome: { kind: 'skipped', message },
    });
  }
  return { name: 'vulnerabilities', cases: orPass(cases, 'no vulnerabilities found') };
}

function secretSuite(result: ScanResult): Suite | undefined {
  if (!ran(result, 'secret', result.secrets.length)) return undefined;

  const cases: Case[] = result.secrets.map((s) => {
    const level = secretLevel(s.severity);
    const place = secretPlace(s.location);
    const body = [`${s.title}: ${s.redacted}`, `fingerprint: ${s.fingerprint}`, place];
    if (s.note !== undefined) body.push(s.note);
    return {
      classname: `secret.${s.ruleId}`,
      name: `${s.ruleId} at ${place}`,
      outcome: {
        kind: 'failure',
        type: level,
        message: `${level}: ${s.title}`,
        body: body.join('\n'),
      },
    };
  });
  return { name: 'secrets', cases: orPass(cases, 'no secrets found') };
}

function misconfigSuite(result: ScanResult): Suite | undefined {
  if (!ran(result, 'misconfig', result.misconfigurations.length)) return undefined;

  const cases: Case[] = result.misconfigurations.map((m) => {
    const evidence = m.evidence.map((e) => {
      const place = evidencePlace(e);
      return place === '' ? `- ${e.detail}` : `- ${e.detail} (${place})`;
    });
    const body = [m.rationale, ...evidence, `fix: ${m.remedy}`].join('\n');
    const outcome = {
      kind: 'failure' as const,
      type: m.severity,
      message: `${m.severity}: ${m.title}`,
      body,
    };
    return { classname: `misconfig.${m.id}`, name: `${m.id} ${m.title}`, outcome };
  });
  return { name: 'misconfigurations', cases: orPass(cases, 'no misconfigurations found') };
}

/** The gate's verdict as one case, so a CI view shows why the build failed. */
function policySuite(result: ScanResult): Suite | undefined {
  const [verdict, ...expired] = policyLines(result.policy);
  if (verdict === undefined) return undefined;

  const name = 'policy gate';
  if (result.policy!.passed) return { name: 'policy', cases: orPass([], name) };
  const body = [verdict, ...expired].join('\n');
  const outcome = { kind: 'failure' as const, type: 'POLICY', message: verdict, body };
  return { name: 'policy', cases: [{ classname: 'drydock.policy', name, outcome }] };
}

function orPass(cases: Case[], name: string): Case[] {
  return cases.length > 0 ? cases : [{ classname: 'drydock', name, outcome: { kind: 'pass' } }];
}

function suiteXml(suite: Suite, stamp: string, target: string): string[] {
  const failures = suite.cases.filter((c) => c.outcome.kind === 'failure').length;
  const skipped = suite.cases.filter((c) => c.outcome.kind === 'skipped').length;
  const attrs =
    `name="${escapeXml(suite.name)}" tests="${suite.cases.length}" failures="${failures}" ` +
    `errors="0" skipped="${skipped}" time="0" timestamp="${stamp}"`;
  return [
    `  <testsuite ${attrs}>`,
    '    <properties>',
    `      <property name="target" value="${escapeXml(target)}"/>`,
    '    </properties>',
    ...suite.cases.flatMap(caseXml),
    '  </testsuite>',
  ];
}

function caseXml(c: Case): string[] {
  const names = `classname="${escapeXml(c.classname)}" name="${escapeXml(c.name)}"`;
  const open = `    <testcase ${names} time="0"`;
  const o = c.outcome;
  if (o.kind === 'pass') return [`${open}/>`];
  if (o.kind === 'skipped') {
    return [`${open}>`, `      <skipped message="${escapeXml(o.message)}"/>`, '    </testcase>'];
  }
  const failure = `      <failure message="${escapeXml(o.message)}" type="${escapeXml(o.type)}">`;
  return [`${open}>`, `${failure}${escapeXml(o.body)}</failure>`, '    </testcase>'];
}
