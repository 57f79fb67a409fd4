/**
 * The module listing `go version -m` prints (runtime/debug.BuildInfo's text form): tab-
 * separated lines `path`, `mod path version sum`, `dep path version sum`, and `=> path
 * version sum` replacing the line before it, and `build key=value` settings.
 */
export interface ModuleLine {
  path: string;
  version: string;
  main: boolean;
  metadata: Record<string, string>;
}

export function parseModInfo(text: string): ModuleLine[] {
  const modules: ModuleLine[] = [];
  for (const line of text.split('\n')) {
    const [kind, path, version, sum] = line.split('\t');
    if (!path || (kind !== 'mod' && kind !== 'dep' && kind !== '=>')) continue;

    if (kind === '=>') {
      replaceLast(modules, path, version, sum);
      continue;
    }
    const metadata: Record<string, string> = sum ? { sum } : {};
    modules.push({ path, version: version ?? '', main: kind === 'mod', metadata });
  }
  return modules;
}

/**
 * A replacement by another module is what was compiled in, so it takes the module's
 * place. A replacement by a local directory (`./x`, `../x`, `/x`; go version -m shows it
 * as `(devel)` or no version) has no name a feed knows, so the module it replaced keeps
 * its identity and the directory is kept as metadata.
 */
function replaceLast(modules: ModuleLine[], path: string, version?: string, sum?: string): void {
  const last = modules[modules.length - 1];
  if (!last) return;

  if (!version || /^(?:\.\.?\/|\/)/.test(path)) {
    last.metadata = { ...last.metadata, replacedBy: path };
    return;
  }
  last.metadata = { replaces: `${last.path}@${last.version}` };
  if (sum) last.metadata.sum = sum;
  last.path = path;
  last.version = version;
}
