import { z } from 'zod';
import type { Advisory } from '../model.js';
import { emptyResult, fixedAt, newAdvisory } from '../model.js';
import { looseString, parseJson, problem, schemaReason } from './common.js';
import type { FeedParser } from './types.js';
import { readYaml } from './yaml-doc.js';

/**
 * Alpine secdb files (secdb.alpinelinux.org, `main.json` / `community.json`, and the
 * YAML they are built from): per release, packages with `secfixes: { version: [ids] }`.
 * The version `0` means the package was never affected (Alpine's own convention).
 */
const packageSchema = z.object({
  pkg: z.object({
    name: z.string().min(1),
    secfixes: z.record(z.string(), z.array(looseString).nullable()).nullish(),
  }),
});

const docSchema = z.object({
  distroversion: z.string().min(1),
  reponame: z.string().optional(),
  packages: z.array(z.unknown()).nullish(),
});

export const alpineSecdbParser: FeedParser = {
  format: 'alpine-secdb',
  detect({ path, head }) {
    return /\.(json|ya?ml)$/i.test(path) && /"?distroversion"?\s*:/.test(head);
  },
  parse(file) {
    const result = emptyResult();
    const raw = /\.json$/i.test(file.path) ? parseJson(file.text) : readYaml(file.text);
    const doc = raw.ok ? docSchema.safeParse(raw.value) : undefined;
    if (!doc?.success) {
      const reason = raw.ok ? schemaReason(doc!.error!) : raw.reason;
      result.problems.push(problem(file.path, reason));
      return result;
    }

    const ecosystem = `Alpine:${doc.data.distroversion}`;
    const byId = new Map<string, Advisory>();
    for (const [i, entry] of (doc.data.packages ?? []).entries()) {
      const pkg = packageSchema.safeParse(entry);
      if (!pkg.success) {
        result.problems.push(problem(`${file.path}#packages[${i}]`, schemaReason(pkg.error)));
        continue;
      }
      addPackage(byId, ecosystem, pkg.data.pkg);
    }
    result.advisories.push(...byId.values());
    return result;
  },
};

function addPackage(
  byId: Map<string, Advisory>,
  ecosystem: string,
  pkg: z.infer<typeof packageSchema>['pkg'],
): void {
  for (const [version, ids] of Object.entries(pkg.secfixes ?? {})) {
    for (const text of ids ?? []) {
      // Entries are usually one id, sometimes several or with a note: `CVE-1 CVE-2`.
      for (const id of text.split(/\s+/).filter((t) => /^[A-Z]+-[\w.-]+$/.test(t))) {
        let advisory = byId.get(id);
        if (!advisory) {
          advisory = newAdvisory(id);
          byId.set(id, advisory);
        }

        const neverAffected = version === '0';
        advisory.affected.push({
          ecosystem,
          name: pkg.name,
          ranges: neverAffected ? [] : [fixedAt(version)],
          versions: [],
          status: neverAffected ? 'not-affected' : 'fixed',
        });
      }
    }
  }
}
