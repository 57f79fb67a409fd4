import type { ImageConfig } from '../image/types.js';
import { INSTRUCTIONS } from './dockerfile/parse.js';

/**
 * Turns an image's history back into Dockerfile lines. The classic builder records
 * `/bin/sh -c #(nop) INSTRUCTION` for steps that ran no command and `/bin/sh -c CMD` for
 * RUN; BuildKit records Dockerfile syntax already (`RUN /bin/sh -c ... # buildkit`), which
 * is kept. Build arguments a RUN recorded (`|2 A=1 B=2 /bin/sh -c ...`) are taken out of
 * the text, since they may hold secrets, and returned beside it.
 */
export interface HistoryStep {
  historyIndex: number;
  /** The step as a Dockerfile line; a `#` comment when it is not an instruction. */
  text: string;
  createdBy: string;
  buildArgs: Array<{ name: string; value: string }>;
  emptyLayer: boolean;
}

const NOP = /^\/bin\/sh -c #\(nop\)\s*/;
const SHELL_RUN = /^\/bin\/sh -c\s+/;
const BUILD_ARGS = /^\|(\d+)\s+/;
const KEYWORD = new RegExp(`^(${INSTRUCTIONS.join('|')})(\\s|$)`, 'i');

export function reconstructSteps(config: Pick<ImageConfig, 'history'>): HistoryStep[] {
  const steps: HistoryStep[] = [];
  (config.history ?? []).forEach((entry, historyIndex) => {
    const createdBy = entry.created_by?.trim();
    if (!createdBy) return;

    const { text, buildArgs } = toDockerfileLine(createdBy);
    steps.push({ historyIndex, text, createdBy, buildArgs, emptyLayer: !!entry.empty_layer });
  });
  return steps;
}

export function reconstructDockerfile(config: Pick<ImageConfig, 'history'>): string {
  const lines = reconstructSteps(config).map((s) => s.text);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function toDockerfileLine(createdBy: string): {
  text: string;
  buildArgs: HistoryStep['buildArgs'];
} {
  if (NOP.test(createdBy)) return { text: classicNop(createdBy.replace(NOP, '')), buildArgs: [] };

  const keyword = KEYWORD.exec(createdBy);
  if (keyword?.[1]?.toUpperCase() === 'RUN') {
    const { rest, buildArgs } = takeBuildArgs(createdBy.slice(keyword[0].length).trimStart());
    return { text: `RUN ${rest}`, buildArgs };
  }
  if (keyword) return { text: createdBy, buildArgs: [] };

  const { rest, buildArgs } = takeBuildArgs(createdBy);
  if (SHELL_RUN.test(rest)) return { text: `RUN ${rest.replace(SHELL_RUN, '')}`, buildArgs };
  return { text: `# ${createdBy.replace(/\n/g, '\n# ')}`, buildArgs };
}

/** `|N k=v ...` as the classic builder and BuildKit prefix a RUN that saw build arguments. */
function takeBuildArgs(text: string): { rest: string; buildArgs: HistoryStep['buildArgs'] } {
  const count = BUILD_ARGS.exec(text);
  if (!count) return { rest: text, buildArgs: [] };

  let rest = text.slice(count[0].length);
  const buildArgs: HistoryStep['buildArgs'] = [];
  for (let n = Number(count[1]); n > 0; n--) {
    const pair = /^([^\s=]+)=(\S*)\s*/.exec(rest);
    if (!pair) break;
    buildArgs.push({ name: pair[1]!, value: pair[2]! });
    rest = rest.slice(pair[0].length);
  }
  return { rest, buildArgs };
}

function classicNop(text: string): string {
  const trimmed = text.trim();
  const copy = /^(ADD|COPY) ((?:file|dir|multi):\S+) in (.*)$/.exec(trimmed);
  if (copy) return `${copy[1]} ${copy[2]} ${copy[3]!.trim()}`;

  const expose = /^EXPOSE map\[(.*)\]$/.exec(trimmed);
  if (expose) return `EXPOSE ${expose[1]!.replace(/:\{\}/g, '')}`;

  if (trimmed.startsWith('HEALTHCHECK &{[')) {
    return `HEALTHCHECK ${healthcheckArgs(trimmed.slice('HEALTHCHECK &{['.length))}`;
  }
  return trimmed;
}

/** The classic builder prints the healthcheck's Test as Go-quoted strings: `"CMD-SHELL" "..."]`. */
function healthcheckArgs(text: string): string {
  const parts: string[] = [];
  const quoted = /\s*"((?:[^"\\]|\\.)*)"/y;
  for (let match = quoted.exec(text); match; match = quoted.exec(text)) {
    try {
      parts.push(JSON.parse(`"${match[1]}"`) as string);
    } catch {
      parts.push(match[1]!);
    }
  }

  const [kind, ...rest] = parts;
  if (kind === 'NONE') return 'NONE';
  if (kind === 'CMD-SHELL') return `CMD ${rest.join(' ')}`;
  return `CMD ${JSON.stringify(rest)}`;
}
