import { evaluateEntry } from '../evaluate.js';
import { judgeRecords } from '../judge.js';
import type { Matcher } from '../types.js';
import { advisoryName, advisoryVersion, LANGUAGE_ECOSYSTEMS } from './ecosystems.js';

/**
 * Language packages against their ecosystem's ranges. A package whose files an OS package
 * installed (`ownedBy`) is the distro's to judge: the distro may have patched it without
 * changing the upstream version, so the language feed would report a problem that is not
 * there. The OS matcher judges the owning package instead.
 */
export const languageMatcher: Matcher = {
  name: 'language',
  accepts: (pkg) => LANGUAGE_ECOSYSTEMS[pkg.type] !== undefined && pkg.ownedBy === undefined,
  match(pkg, ctx) {
    const ecosystem = LANGUAGE_ECOSYSTEMS[pkg.type]!;
    const lookup = { ecosystem, name: advisoryName(pkg), version: advisoryVersion(pkg) };
    if (!lookup.version) {
      return [{ kind: 'unsupported', lookup, reason: 'package has no version' }];
    }
    return judgeRecords(ctx.db.advisoriesFor(ecosystem, lookup.name), lookup, evaluateEntry);
  },
};
