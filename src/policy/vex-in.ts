import { z } from 'zod';
import { DrydockError } from '../errors.js';

/**
 * VEX statements read from OpenVEX (v0.2.0 and the earlier string-vulnerability form)
 * and CycloneDX VEX (`vulnerabilities[].analysis`) into one shape. Statements that do not
 * parse are skipped and reported with their position, never fatal to the rest.
 */
export type VexStatus = 'not_affected' | 'affected' | 'fixed' | 'under_investigation';

export interface VexStatement {
  ids: string[];
  /** Package URLs the statement is about; empty means every product. */
  products: string[];
  status: VexStatus;
  justification?: string;
  statement?: string;
}

export interface VexDocument {
  statements: VexStatement[];
  problems: Array<{ path: string; reason: string }>;
}

const product = z.union([
  z.string(),
  z.object({
    '@id': z.string().optional(),
    identifiers: z.object({ purl: z.string().optional() }).optional(),
  }),
]);

const openVexStatement = z.object({
  vulnerability: z.union([
    z.string(),
    z.object({ name: z.string(), aliases: z.array(z.string()).optional() }),
  ]),
  products: z.array(product).optional(),
  status: z.enum(['not_affected', 'affected', 'fixed', 'under_investigation']),
  justification: z.string().optional(),
  impact_statement: z.string().optional(),
});

const cdxVulnerability = z.object({
  id: z.string(),
  references: z.array(z.object({ id: z.string() })).optional(),
  analysis: z.object({
    state: z.enum([
      'resolved',
      'resolved_with_pedigree',
      'exploitable',
      'in_triage',
      'false_positive',
      'not_affected',
    ]),
    justification: z.string().optional(),
    detail: z.string().optional(),
  }),
  affects: z.array(z.object({ ref: z.string() })).optional(),
});

const CDX_STATES: Readonly<Record<string, VexStatus>> = {
  resolved: 'fixed',
  resolved_with_pedigree: 'fixed',
  exploitable: 'affected',
  in_triage: 'under_investigation',
  false_positive: 'not_affected',
  not_affected: 'not_affected',
};

const MAX_STATEMENTS = 100_000;

export function parseVex(text: string, path: string): VexDocument {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new DrydockError('VEX_INVALID', `VEX document ${path} is not JSON`, { cause: err });
  }
  if (typeof doc !== 'object' || doc === null) {
    throw new DrydockError('VEX_INVALID', `VEX document ${path} is not a JSON object`);
  }

  const record = doc as Record<string, unknown>;
  if (Array.isArray(record.statements)) return readOpenVex(record.statements, path);
  if (record.bomFormat === 'CycloneDX') return readCycloneDx(record, path);
  throw new DrydockError(
    'VEX_INVALID',
    `${path} is neither an OpenVEX nor a CycloneDX VEX document`,
  );
}

function readOpenVex(statements: unknown[], path: string): VexDocument {
  const out: VexDocument = { statements: [], problems: [] };
  statements.slice(0, MAX_STATEMENTS).forEach((raw, i) => {
    const parsed = openVexStatement.safeParse(raw);
    if (!parsed.success) {
      out.problems.push({
        path: `${path}#statements/${i}`,
        reason: parsed.error.issues[0]!.message,
      });
      return;
    }
    const s = parsed.data;
    const v = s.vulnerability;
    const statement: VexStatement = {
      ids: typeof v === 'string' ? [v] : [v.name, ...(v.aliases ?? [])],
      products: (s.products ?? []).map(productPurl).filter((p): p is string => p !== undefined),
      status: s.status,
    };
    if (s.justification) statement.justification = s.justification;
    if (s.impact_statement) statement.statement = s.impact_statement;
    out.statements.push(statement);
  });
  return out;
}

function productPurl(p: z.infer<typeof product>): string | undefined {
  if (typeof p === 'string') return p;
  return p.identifiers?.purl ?? p['@id'];
}

function readCycloneDx(doc: Record<string, unknown>, path: string): VexDocument {
  const out: VexDocument = { statements: [], problems: [] };
  const refs = componentPurls(doc.components);
  const vulns = Array.isArray(doc.vulnerabilities) ? doc.vulnerabilities : [];

  vulns.slice(0, MAX_STATEMENTS).forEach((raw, i) => {
    const parsed = cdxVulnerability.safeParse(raw);
    if (!parsed.success) {
      out.problems.push({
        path: `${path}#vulnerabilities/${i}`,
        reason: parsed.error.issues[0]!.message,
      });
      return;
    }
    const v = parsed.data;
    const statement: VexStatement = {
      ids: [v.id, ...(v.references ?? []).map((r) => r.id)],
      products: (v.affects ?? []).map((a) => resolveRef(a.ref, refs)),
      status: CDX_STATES[v.analysis.state]!,
    };
    const justification =
      v.analysis.justification ??
      (v.analysis.state === 'false_positive' ? 'false_positive' : undefined);
    if (justification) statement.justification = justification;
    if (v.analysis.detail) statement.statement = v.analysis.detail;
    out.statements.push(statement);
  });
  return out;
}

/** bom-ref to purl, for components and their nested components. */
function componentPurls(components: unknown, out = new Map<string, string>()): Map<string, string> {
  if (!Array.isArray(components)) return out;
  for (const c of components) {
    if (typeof c !== 'object' || c === null) continue;
    const { purl, components: nested } = c as { purl?: unknown; components?: unknown };
    const ref = (c as Record<string, unknown>)['bom-ref'];
    if (typeof ref === 'string' && typeof purl === 'string') out.set(ref, purl);
    componentPurls(nested, out);
  }
  return out;
}

// A BOM-Link (urn:cdx:serial/version#ref) points into another document; its fragment is the ref.
function resolveRef(ref: string, refs: Map<string, string>): string {
  const local =
    ref.startsWith('urn:cdx:') && ref.includes('#') ? ref.slice(ref.indexOf('#') + 1) : ref;
  return refs.get(local) ?? decodeURIComponent(local);
}
