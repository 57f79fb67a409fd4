import { OS_PACKAGE_TYPES, type Package } from '../../catalog/types.js';
import { evaluateEntry } from '../evaluate.js';
import { judgeRecords } from '../judge.js';
import type { Hit, Lookup, MatchContext, Matcher } from '../types.js';
import { BY_SOURCE, distroEcosystem } from './namespace.js';

/**
 * OS packages (dpkg, apk, rpm) against their distro release's data. Debian, Ubuntu and
 * Alpine track source packages, so a binary package is looked up by its source name and
 * compared at the source version; rpm distros publish binary package names.
 */
export const osMatcher: Matcher = {
  name: 'os',
  accepts: (pkg) => OS_PACKAGE_TYPES.has(pkg.type),
  match(pkg, ctx) {
    const lookup = lookupFor(pkg, ctx);
    if ('reason' in lookup) return [lookup];
    return judgeRecords(ctx.db.advisoriesFor(lookup.ecosystem, lookup.name), lookup, evaluateEntry);
  },
};

function lookupFor(
  pkg: Package,
  ctx: MatchContext,
): Lookup | Extract<Hit, { kind: 'unsupported' }> {
  const ecosystem = distroEcosystem(ctx.distro);
  const version = pkg.version;
  if (!ecosystem) {
    const what = ctx.distro ? `${ctx.distro.id} ${ctx.distro.versionId ?? ''}`.trim() : 'unknown';
    return {
      kind: 'unsupported',
      lookup: { ecosystem: '', name: pkg.name, version },
      reason: `no vulnerability data for distro ${what}`,
    };
  }

  if (ctx.distro && BY_SOURCE.has(ctx.distro.id) && pkg.source) {
    return { ecosystem, name: pkg.source.name, version: pkg.source.version || version };
  }
  return { ecosystem, name: pkg.name, version };
}
