/**
 * The secret scanner's contracts. A rule recognises one kind of credential; the scanner
 * runs only the rules whose keywords occur in a file, so a rule MUST name at least one
 * literal keyword that every match of its pattern contains.
 */
export type SecretSeverity = 'critical' | 'high' | 'medium' | 'low';

export type SecretCategory =
  | 'cloud'
  | 'source-host'
  | 'chat'
  | 'saas'
  | 'ai'
  | 'registry'
  | 'private-key'
  | 'token'
  | 'database'
  | 'generic';

export interface SecretRule {
  /** Stable kebab-case id: users allowlist by it and it enters every fingerprint. */
  id: string;
  title: string;
  category: SecretCategory;
  severity: SecretSeverity;
  /** Lowercase literals; the rule runs only when one of them occurs (case-insensitively). */
  keywords: string[];
  /**
   * A global regex. Group `secret` (or the whole match) is the value. Quantifiers MUST be
   * bounded and never nested over overlapping classes, so no input backtracks badly.
   */
  pattern: RegExp;
  /** Shannon entropy in bits per character the value must reach. */
  minEntropy?: number;
  /** A last check (a decodable header, the context around the match); false drops it. */
  validate?: (value: string, context: MatchContext) => boolean;
}

/** What a rule's `validate` may look at besides the value. */
export interface MatchContext {
  text: string;
  /** Offset of the whole match in `text`. */
  index: number;
  groups: Record<string, string | undefined>;
}

/** Where inside a file a match sits: the chain of archive members and encodings to it. */
export type MatchLayer =
  | { kind: 'member'; name: string }
  | { kind: 'gzip' }
  | { kind: 'base64'; line: number };

/**
 * One match as the layer walk caches it. It MUST NOT hold the value: the cache is written
 * to disk, so only the redacted form and the fingerprint are kept.
 */
export interface FileMatch {
  ruleId: string;
  /** 1-based line in the innermost text that held the match. */
  line: number;
  redacted: string;
  fingerprint: string;
  /** Archive members and base64 blobs the match sits inside, outermost first. */
  within?: MatchLayer[];
}

/** The secret consumer's value for one file. */
export interface FileSecrets {
  matches: FileMatch[];
  /** Nested content that could not be read (a corrupt jar member), with the reason. */
  problems?: string[];
}

export type ConfigField = 'Env' | 'Labels' | 'Cmd' | 'Entrypoint' | 'history';

export type SecretLocation =
  | {
      kind: 'file';
      path: string;
      /** Layer index that wrote the file. */
      layer: number;
      diffId: string;
      historyIndex?: number;
      line: number;
      within?: MatchLayer[];
      /** Set when a later layer deleted or replaced the file. */
      removedBy?: number;
    }
  | {
      kind: 'config';
      field: ConfigField;
      /** Env variable name, label key, argument position or history index. */
      key: string;
    };

/** A finding as reports show it: never the value, only its redacted form and fingerprint. */
export interface SecretFinding {
  ruleId: string;
  title: string;
  category: SecretCategory;
  severity: SecretSeverity;
  location: SecretLocation;
  redacted: string;
  fingerprint: string;
  /** A sentence for people, e.g. "removed in layer 3, still extractable from layer 1". */
  note?: string;
}
