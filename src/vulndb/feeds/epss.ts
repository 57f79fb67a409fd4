import { emptyResult } from '../model.js';
import { CVE_ID, problem } from './common.js';
import type { FeedParser } from './types.js';

/**
 * FIRST's EPSS scores CSV (epss_scores-current.csv.gz, gunzipped by the source reader):
 * an optional `#model_version:...,score_date:...` comment, the header
 * `cve,epss,percentile`, then one row per CVE.
 */
export const epssParser: FeedParser = {
  format: 'epss',
  detect({ head }) {
    return /^(#model_version[^\n]*\n)?\s*cve,epss,percentile\s*$/m.test(head.slice(0, 300));
  },
  parse(file) {
    const result = emptyResult();
    const lines = file.text.split('\n');
    const date = /score_date:([0-9T:+-]+)/.exec(lines[0] ?? '')?.[1]?.slice(0, 10);
    const headerAt = lines.findIndex((l) => l.trim() === 'cve,epss,percentile');
    if (headerAt < 0) {
      result.problems.push(problem(file.path, 'no cve,epss,percentile header'));
      return result;
    }

    for (let i = headerAt + 1; i < lines.length; i++) {
      const line = lines[i]?.trim() ?? '';
      if (line === '') continue;

      const [cve = '', epss = '', percentile = ''] = line.split(',');
      const score = Number(epss);
      const pct = Number(percentile);
      if (!CVE_ID.test(cve) || !inUnit(score) || !inUnit(pct) || epss === '' || percentile === '') {
        result.problems.push(problem(`${file.path}:${i + 1}`, 'row is not cve,score,percentile'));
        continue;
      }
      result.epss.push({ cve, score, percentile: pct, date });
    }
    return result;
  },
};

function inUnit(n: number): boolean {
  return Number.isFinite(n) && n >= 0 && n <= 1;
}
