import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ValidateFunction } from 'ajv';
import Ajv04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import type { Package } from '../../src/catalog/types.js';
import type { FindingPackage, ScanResult, VulnerabilityFinding } from '../../src/findings/types.js';
import { fingerprint, redact } from '../../src/secret/redact.js';

/**
 * Shared by the report tests: the official schemas read in place from the reference data,
 * and a scan result that sets every field somewhere, including hostile strings an image
 * could carry and secrets whose raw values are known so the tests can look for them.
 */
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const formats = path.resolve(repoRoot, '../shared/data/specs/formats');

function readJson(...parts: string[]): object {
  return JSON.parse(readFileSync(path.join(formats, ...parts), 'utf8')) as object;
}

function configure<T extends Ajv>(ajv: T): T {
  addFormats.default(ajv);
  ajv.addFormat('iri-reference', true);
  ajv.addFormat('idn-email', true);
  return ajv;
}

export function cycloneDxValidator(): ValidateFunction {
  const ajv = configure(new Ajv({ strict: false, allErrors: true, validateSchema: false }));
  ajv.addSchema(readJson('cyclonedx', 'spdx.schema.json'));
  ajv.addSchema(readJson('cyclonedx', 'jsf-0.82.schema.json'));
  return ajv.compile(readJson('cyclonedx', 'bom-1.6.schema.json'));
}

export function spdxValidator(): ValidateFunction {
  const ajv = configure(new Ajv({ strict: false, allErrors: true, validateSchema: false }));
  return ajv.compile(readJson('spdx', 'spdx-2.3-schema.json'));
}

/** The SARIF 2.1.0 schema is draft-04, which needs ajv's draft-04 build. */
export function sarifValidator(): ValidateFunction {
  const ajv = configure(new Ajv04.default({ strict: false, allErrors: true }) as unknown as Ajv);
  return ajv.compile(readJson('sarif', 'sarif-schema-2.1.0.json'));
}

export const TIMESTAMP = '2024-05-01T12:00:00Z';

/** Raw values planted behind the secret findings: no report may contain them. */
export const RAW_SECRETS = ['AKIAQ3EGRVFJ7XK2LMNP', 'ghp_R8b2xQ9mZt4LkW7nVc1sPd6yHf3gJa0eUo5i'];

export const HOSTILE = {
  name: '<script>alert(1)</script>',
  title: '"><img src=x onerror=alert(2)> | **bold** [x](javascript:alert(3)) @org/team',
  terminal: 'evil\u001b[2J\u001b]0;pwned\u0007name',
  reference: 'javascript:alert(4)',
};

const DIFF0 = `sha256:${'01'.repeat(32)}`;
const DIFF1 = `sha256:${'02'.repeat(32)}`;

function pkg(p: Partial<Package> & Pick<Package, 'name' | 'version' | 'type' | 'purl'>): Package {
  return { licenses: [], locations: [], ...p };
}

const OPENSSL = pkg({
  name: 'openssl',
  version: '3.0.11-1~deb12u1',
  type: 'deb',
  purl: 'pkg:deb/debian/openssl@3.0.11-1~deb12u1?arch=amd64&distro=debian-12',
  source: { name: 'openssl', version: '3.0.11-1~deb12u1' },
  licenses: ['Apache-2.0'],
  locations: [{ path: 'var/lib/dpkg/status', layer: 0, diffId: DIFF0 }],
});
const LODASH = pkg({
  name: 'lodash',
  version: '4.17.20',
  type: 'npm',
  purl: 'pkg:npm/lodash@4.17.20',
  locations: [{ path: 'app/node_modules/lodash/package.json', layer: 1, diffId: DIFF1 }],
});
const EVIL = pkg({
  name: HOSTILE.name,
  version: '1.0.0',
  type: 'npm',
  purl: 'pkg:npm/%3Cscript%3E@1.0.0',
  locations: [{ path: 'app/node_modules/<script>/package.json', layer: 1, diffId: DIFF1 }],
});
const URLLIB = pkg({
  name: 'urllib3',
  version: '1.26.12',
  type: 'pypi',
  purl: 'pkg:pypi/urllib3@1.26.12',
  locations: [{ path: 'usr/lib/python3/dist-packages/urllib3/METADATA', layer: 1 }],
});
const WEIRD = pkg({ name: 'weird', version: 'not a version!', type: 'gem', purl: 'pkg:gem/weird' });

function finding(p: Package, ecosystem: string): FindingPackage {
  const out: FindingPackage = {
    name: p.name,
    version: p.version,
    type: p.type,
    purl: p.purl,
    ecosystem,
  };
  if (p.source !== undefined) out.source = p.source;
  return out;
}

function vuln(
  p: Package,
  ecosystem: string,
  fields: Partial<VulnerabilityFinding> & Pick<VulnerabilityFinding, 'id' | 'severity'>,
): VulnerabilityFinding {
  return {
    aliases: [],
    package: finding(p, ecosystem),
    installedVersion: p.version,
    fixedVersions: [],
    status: 'fixed',
    paths: p.locations.map((l) => l.path),
    cvss: [],
    kev: false,
    priority: { level: 'P3', score: 30, reason: 'P3: medium severity' },
    references: [],
    ...fields,
  };
}

const vulnerabilities: VulnerabilityFinding[] = [
  vuln(LODASH, 'npm', {
    id: 'CVE-2021-23337',
    aliases: ['GHSA-35jh-r3h4-6jhm'],
    fixedVersions: ['4.17.21'],
    severity: { level: 'HIGH', source: 'ghsa' },
    cvss: [
      {
        version: '3.1',
        vector: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H',
        score: 7.2,
        source: 'ghsa',
      },
    ],
    epss: { score: 0.0123, percentile: 0.85, date: '2024-04-30' },
    priority: { level: 'P2', score: 55, reason: 'P2: high severity, fix available' },
    title: 'Command injection in lodash',
    description: 'Lodash versions prior to 4.17.21 are vulnerable to command injection.',
    references: ['https://github.com/advisories/GHSA-35jh-r3h4-6jhm', HOSTILE.reference],
    published: '2021-02-15',
    layer: { index: 1, diffId: DIFF1, historyIndex: 3, createdBy: 'COPY app /app' },
  }),
  vuln(OPENSSL, 'Debian:12', {
    id: 'CVE-2024-5535',
    aliases: ['DSA-5727-1'],
    fixedVersions: ['3.0.13-1~deb12u2'],
    severity: { level: 'CRITICAL', source: 'nvd' },
    cvss: [
      {
        version: '4.0',
        vector: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N',
        score: 9.3,
        source: 'nvd',
      },
      {
        version: '3.1',
        vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        score: 9.8,
        source: 'nvd',
      },
    ],
    kev: true,
    epss: { score: 0.97, percentile: 0.999 },
    priority: { level: 'P0', score: 100, reason: 'P0: known exploited (KEV), fix available' },
    title: 'SSL_select_next_proto buffer overread',
    references: ['https://security-tracker.debian.org/tracker/CVE-2024-5535'],
    published: '2024-06-27T11:15:00Z',
    layer: { index: 0, diffId: DIFF0 },
  }),
  vuln(OPENSSL, 'Debian:12', {
    id: 'CVE-2023-50000',
    status: 'unfixed',
    severity: { level: 'MEDIUM', source: 'debian' },
    title: 'An unfixed problem',
  }),
  vuln(URLLIB, 'PyPI', {
    id: 'GHSA-v845-jxx5-vc9f',
    aliases: ['CVE-2023-43804', 'PYSEC-2023-192'],
    fixedVersions: ['1.26.17'],
    severity: { level: 'LOW', source: 'ghsa' },
    suppressed: {
      by: 'vex',
      reason: 'cookie header never set',
      justification: 'vulnerable_code_not_in_execute_path',
    },
  }),
  vuln(LODASH, 'npm', {
    id: 'CVE-2020-28500',
    fixedVersions: ['4.17.21'],
    severity: { level: 'MEDIUM', source: 'nvd' },
    suppressed: { by: 'ignore-file', reason: 'accepted until the next release' },
  }),
  vuln(EVIL, 'npm', {
    id: 'GHSA-2222-3333-4444',
    severity: { level: 'UNKNOWN', source: 'osv' },
    title: HOSTILE.title,
    description: `${HOSTILE.terminal} ]]> </failure> <!-- --> & done`,
    references: [HOSTILE.reference, 'https://example.org/a?b=<c>'],
  }),
];

export function scanResult(): ScanResult {
  return {
    schemaVersion: '1.0',
    generator: { name: 'drydock', version: '0.1.0' },
    createdAt: '2024-04-01T00:00:00.000Z',
    target: {
      kind: 'image',
      name: 'registry.example/team/app:1.2',
      digest: `sha256:${'ab'.repeat(32)}`,
      platform: 'linux/amd64',
    },
    inventory: {
      distro: { id: 'debian', versionId: '12', prettyName: 'Debian GNU/Linux 12 (bookworm)' },
      packages: [OPENSSL, LODASH, EVIL, URLLIB, WEIRD],
      problems: [{ cataloger: 'npm', path: 'app/package.json', layer: 1, message: 'invalid json' }],
    },
    vulnerabilities,
    unevaluated: [
      {
        package: finding(WEIRD, 'RubyGems'),
        advisory: 'GHSA-9999-8888-7777',
        reason: `version "not a version!" does not parse ${HOSTILE.terminal}`,
      },
    ],
    secrets: [
      {
        ruleId: 'aws-access-key-id',
        title: 'AWS access key ID',
        category: 'cloud',
        severity: 'critical',
        location: {
          kind: 'file',
          path: 'app/.env',
          layer: 1,
          diffId: DIFF1,
          historyIndex: 3,
          line: 2,
          removedBy: 2,
        },
        redacted: redact(RAW_SECRETS[0]!),
        fingerprint: fingerprint('aws-access-key-id', RAW_SECRETS[0]!),
        note: 'removed in layer 2, still extractable from layer 1',
      },
      {
        ruleId: 'github-pat',
        title: 'GitHub personal access token',
        category: 'source-host',
        severity: 'high',
        location: { kind: 'config', field: 'Env', key: 'GITHUB_TOKEN' },
        redacted: redact(RAW_SECRETS[1]!),
        fingerprint: fingerprint('github-pat', RAW_SECRETS[1]!),
      },
    ],
    misconfigurations: [
      {
        id: 'DD-IMG-001',
        title: 'Image runs as root',
        severity: 'HIGH',
        rationale: 'A process running as root can take over the host if it escapes.',
        remedy: 'Add a USER instruction with a non-root user.',
        evidence: [{ detail: 'no USER is set', historyIndex: 4, createdBy: 'CMD ["node"]' }],
      },
      {
        id: 'DD-FS-003',
        title: 'SSH allows root login',
        severity: 'MEDIUM',
        rationale: 'Root login over SSH widens the attack surface.',
        remedy: 'Set PermitRootLogin no.',
        evidence: [
          { detail: 'PermitRootLogin yes', path: 'etc/ssh/sshd_config', line: 12, layer: 0 },
        ],
      },
    ],
    scanners: ['vuln', 'secret', 'misconfig'],
    licenses: [
      {
        package: { name: 'openssl', version: OPENSSL.version, type: 'deb', purl: OPENSSL.purl },
        declared: ['Apache-2.0'],
        expression: 'Apache-2.0',
        unknown: [],
        licenses: [{ license: 'Apache-2.0', spdx: true, category: 'notice' }],
        worst: 'notice',
        locations: OPENSSL.locations,
      },
      {
        package: { name: 'weird', version: WEIRD.version, type: 'gem', purl: WEIRD.purl },
        declared: ['Custom <b>licence</b>'],
        expression: 'unknown',
        unknown: ['Custom <b>licence</b>'],
        licenses: [],
        worst: 'unknown',
        locations: [],
      },
    ],
    warnings: ['the vulnerability DB is 9 days old'],
    policy: {
      passed: false,
      decisions: [
        { id: 'CVE-2024-5535', purl: OPENSSL.purl, action: 'deny', by: 'no-kev' },
        { id: 'CVE-2020-28500', purl: LODASH.purl, action: 'ignore', by: 'exception' },
      ],
      expiredExceptions: [
        { ids: ['CVE-2019-1'], owner: 'team-a', reason: 'old', expires: '2024-01-01' },
      ],
    },
  };
}

/** The same result with no findings at all: every format must still say what ran. */
export function emptyResult(): ScanResult {
  const { warnings: _, policy: __, licenses: ___, ...rest } = scanResult();
  return {
    ...rest,
    vulnerabilities: [],
    unevaluated: [],
    secrets: [],
    misconfigurations: [],
  };
}
