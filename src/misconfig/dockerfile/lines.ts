/**
 * Splits Dockerfile text into logical lines the way the Dockerfile frontend does: parser
 * directives first, then comments dropped, escape-continued lines joined (comment and empty
 * lines inside a continuation are skipped), and here-document bodies attached to the line
 * that opened them.
 */
export interface LogicalLine {
  /** 1-based number of the physical line the instruction starts on. */
  line: number;
  text: string;
  /** Bodies of `<<EOF` here-documents, in the order they were opened. */
  heredocs: string[];
}

export interface SplitResult {
  lines: LogicalLine[];
  escapeChar: string;
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=(.*)$/;
const HEREDOC_KEYWORDS = /^(RUN|COPY|ADD)\s/i;
const HEREDOC = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2/g;

export function splitLines(text: string): SplitResult {
  const physical = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const escapeChar = readEscapeDirective(physical);
  const lines: LogicalLine[] = [];

  let i = 0;
  while (i < physical.length) {
    const raw = physical[i] ?? '';
    if (isCommentOrBlank(raw)) {
      i++;
      continue;
    }

    const start = i;
    const { joined, next } = joinContinuations(physical, i, escapeChar);
    const { heredocs, after } = readHeredocs(physical, next, joined);
    lines.push({ line: start + 1, text: joined, heredocs });
    i = after;
  }

  return { lines, escapeChar };
}

/** Directives are only honoured in the leading comment block (Dockerfile reference). */
function readEscapeDirective(physical: string[]): string {
  let escapeChar = '\\';
  for (const raw of physical) {
    const match = DIRECTIVE.exec(raw.trim());
    if (!match) break;
    const value = match[2]!.trim();
    if (match[1]!.toLowerCase() === 'escape' && (value === '`' || value === '\\')) {
      escapeChar = value;
    }
  }
  return escapeChar;
}

function isCommentOrBlank(raw: string): boolean {
  const trimmed = raw.trim();
  return trimmed === '' || trimmed.startsWith('#');
}

function joinContinuations(
  physical: string[],
  from: number,
  escapeChar: string,
): { joined: string; next: number } {
  let joined = '';
  let i = from;
  while (i < physical.length) {
    const raw = physical[i] ?? '';
    i++;
    if (i - 1 > from && isCommentOrBlank(raw)) continue;

    // trimEnd, not a /[ \t]+$/ replace: that backtracks quadratically on long blank runs.
    const trimmedEnd = raw.trimEnd();
    if (!trimmedEnd.endsWith(escapeChar)) {
      joined += raw.trim();
      return { joined, next: i };
    }
    joined += `${trimmedEnd.slice(0, -1).trim()} `;
  }
  return { joined: joined.trim(), next: i };
}

function readHeredocs(
  physical: string[],
  from: number,
  text: string,
): { heredocs: string[]; after: number } {
  const heredocs: string[] = [];
  let i = from;
  // Only these instructions take here-documents; elsewhere `<<` is plain text.
  if (!HEREDOC_KEYWORDS.test(text)) return { heredocs, after: i };
  for (const match of text.matchAll(HEREDOC)) {
    const stripTabs = match[1] === '-';
    const word = match[3]!;
    const body: string[] = [];
    while (i < physical.length) {
      const raw = physical[i] ?? '';
      i++;
      const candidate = stripTabs ? raw.replace(/^\t+/, '') : raw;
      if (candidate === word) break;
      body.push(candidate);
    }
    heredocs.push(body.join('\n'));
  }
  return { heredocs, after: i };
}
