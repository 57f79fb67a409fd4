import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { tarLayer, writeImageLayout } from './tar-layout.js';

/**
 * A real Debian 12 image built from Debian's archive with debootstrap, plus an app layer
 * holding an npm project installed from the npm registry. Built once per recipe and kept
 * under the fixture cache between runs; ground truth is gathered inside the rootfs with
 * the distribution's own tools (dpkg-query, python's importlib.metadata, ruby's Gem API,
 * go version -m), never with drydock's code.
 */
const PACKAGES = [
  'nodejs',
  'python3-jinja2',
  'python3-urllib3',
  'ruby-rack',
  'libjackson2-databind-java',
  'restic',
  'golang-go',
  'openssh-server',
  'sudo',
];
const NPM_DEPENDENCIES = {
  express: '4.21.2',
  debug: '4.3.7',
  '@sindresorhus/is': '4.6.0',
  minimist: '1.2.8',
};
const SUITE = 'bookworm';

/**
 * Debian builds its Go programs without module information, so the app layer also gets
 * a small module-built program, with a dependency replaced by a local directory so no
 * module proxy is needed.
 */
const GO_FILES: Record<string, string> = {
  'go.mod':
    'module example.com/fixture\n\ngo 1.19\n\n' +
    'require example.com/greet v1.2.3\n\nreplace example.com/greet => ./greet\n',
  'main.go': 'package main\n\nimport "example.com/greet"\n\nfunc main() { greet.Hello() }\n',
  'greet/go.mod': 'module example.com/greet\n\ngo 1.19\n',
  'greet/greet.go': 'package greet\n\nimport "fmt"\n\nfunc Hello() { fmt.Println("hello") }\n',
};

const CHROOT_ENV = {
  PATH: '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
  LANG: 'C.UTF-8',
  HOME: '/root',
};
const RECIPE = createHash('sha256')
  .update(JSON.stringify({ PACKAGES, NPM_DEPENDENCIES, SUITE, GO_FILES, v: 4 }))
  .digest('hex')
  .slice(0, 12);

export const FIXTURE_ROOT =
  process.env.DRYDOCK_FIXTURE_DIR ?? join(homedir(), '.cache', 'drydock-test-fixtures');

export interface GroundTruth {
  dpkg: Array<{
    name: string;
    version: string;
    source: string;
    sourceVersion: string;
    arch: string;
  }>;
  npm: Array<{ name: string; version: string; path: string }>;
  python: Array<{ name: string; version: string; path: string }>;
  gems: Array<{ name: string; version: string; path: string }>;
  maven: Array<{ groupId: string; artifactId: string; version: string; path: string }>;
  /** Per Go binary (symlinks resolved): its Go version and the modules `go version -m` lists. */
  go: Array<{ path: string; goVersion: string; modules: Array<{ path: string; version: string }> }>;
}

export interface DebianFixture {
  dir: string;
  layout: string;
  tag: string;
  rootfs: string;
  truth: GroundTruth;
}

export async function debianFixture(): Promise<DebianFixture> {
  const dir = join(FIXTURE_ROOT, `debian12-${RECIPE}`);
  if (!existsSync(join(dir, 'complete'))) await withLock(dir, () => build(dir));
  const truth = JSON.parse(await readFile(join(dir, 'truth.json'), 'utf8')) as GroundTruth;
  return { dir, layout: join(dir, 'layout'), tag: 'fixture', rootfs: join(dir, 'rootfs'), truth };
}

/** One builder at a time across test processes; the others wait for its result. */
async function withLock(dir: string, fn: () => Promise<void>): Promise<void> {
  await mkdir(FIXTURE_ROOT, { recursive: true });
  const lock = `${dir}.lock`;
  for (;;) {
    try {
      await mkdir(lock);
      break;
    } catch {
      if (existsSync(join(dir, 'complete'))) return;
      const age = Date.now() - ((await stat(lock).catch(() => undefined))?.mtimeMs ?? Date.now());
      if (age > 30 * 60_000) await rm(lock, { recursive: true, force: true });
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  try {
    if (!existsSync(join(dir, 'complete'))) await fn();
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

function run(cmd: string, args: string[], cwd?: string): string {
  return execFileSync(cmd, args, {
    cwd,
    env: cmd === 'chroot' ? CHROOT_ENV : process.env,
    encoding: 'utf8',
    maxBuffer: 256 << 20,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

async function build(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  const rootfs = join(dir, 'rootfs');
  const app = join(dir, 'app');
  await mkdir(app, { recursive: true });

  const mirror = process.env.DRYDOCK_DEBIAN_MIRROR ?? 'http://deb.debian.org/debian';
  run('debootstrap', [
    '--variant=minbase',
    `--include=${PACKAGES.join(',')}`,
    SUITE,
    rootfs,
    mirror,
  ]);
  await writeFile(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'fixture-app',
      version: '1.0.0',
      private: true,
      dependencies: NPM_DEPENDENCIES,
    }),
  );
  run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--omit=dev'], app);
  await buildGoProgram(rootfs, app);

  const truth = gatherTruth(rootfs, app);
  await writeFile(join(dir, 'truth.json'), JSON.stringify(truth, null, 1));
  await writeLayout(dir);
  await writeFile(join(dir, 'complete'), new Date().toISOString());
}

function gatherTruth(rootfs: string, app: string): GroundTruth {
  const dpkg = run('chroot', [
    rootfs,
    'dpkg-query',
    '-W',
    '-f',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: dpkg-query's own field syntax
    '${Package}\\t${Version}\\t${source:Package}\\t${source:Version}\\t${Architecture}\\n',
  ])
    .trim()
    .split('\n')
    .map((line) => {
      const [name, version, source, sourceVersion, arch] = line.split('\t') as [
        string,
        string,
        string,
        string,
        string,
      ];
      return { name, version, source, sourceVersion, arch };
    });

  const npm = (
    JSON.parse(run('npm', ['query', '*'], app)) as Array<{
      name: string;
      version: string;
      location: string;
    }>
  )
    .filter((p) => p.location !== '')
    .map((p) => ({ name: p.name, version: p.version, path: `app/${p.location}/package.json` }));

  const python = JSON.parse(
    run('chroot', [rootfs, 'python3', '-c', PY_DISTRIBUTIONS]),
  ) as GroundTruth['python'];
  const maven = JSON.parse(
    run('chroot', [rootfs, 'python3', '-c', PY_JARS]),
  ) as GroundTruth['maven'];
  const gems = JSON.parse(
    run('chroot', [rootfs, 'ruby', '-e', RUBY_GEMSPECS]),
  ) as GroundTruth['gems'];
  const go = parseGoVersion(
    run('chroot', [
      rootfs,
      'sh',
      '-c',
      'go version -m /usr/bin /usr/sbin /usr/lib/go-*/bin /usr/lib/go-*/pkg/tool 2>/dev/null || true',
    ]),
    rootfs,
  );
  return { dpkg, npm, python, gems, maven, go: [...go, ...appGoTruth(rootfs, app)] };
}

/** Every installed distribution python itself sees, with the metadata file that declares it. */
const PY_DISTRIBUTIONS = `
import importlib.metadata as m, json, os
out = []
for d in m.distributions():
    p = str(d._path).lstrip('/')
    out.append({'name': d.metadata['Name'], 'version': d.version, 'path': p})
print(json.dumps(sorted(out, key=lambda x: x['path'])))
`;

const PY_JARS = `
import json, os, zipfile
out = []
for root, dirs, files in os.walk('/'):
    if root.startswith(('/proc', '/sys', '/dev')):
        continue
    for f in files:
        if not f.endswith('.jar'):
            continue
        path = os.path.join(root, f)
        if os.path.islink(path):
            continue
        with zipfile.ZipFile(path) as z:
            for n in z.namelist():
                if n.startswith('META-INF/maven/') and n.endswith('/pom.properties'):
                    props = dict(l.split('=', 1) for l in z.read(n).decode().splitlines() if '=' in l and not l.startswith('#'))
                    out.append({'groupId': props['groupId'].strip(), 'artifactId': props['artifactId'].strip(), 'version': props['version'].strip(), 'path': path.lstrip('/')})
print(json.dumps(sorted(out, key=lambda x: (x['path'], x['artifactId']))))
`;

const RUBY_GEMSPECS = `
require 'json'
out = Dir.glob('/{usr,var}/**/specifications/**/*.gemspec').sort.map do |f|
  s = Gem::Specification.load(f)
  { 'name' => s.name, 'version' => s.version.to_s, 'path' => f.sub(%r{^/}, '') }
end
puts JSON.generate(out)
`;

/** `go version -m` of the app's binary, run inside the rootfs on a copy of it. */
function appGoTruth(rootfs: string, app: string): GroundTruth['go'] {
  run('cp', [join(app, 'bin', 'fixture'), join(rootfs, 'tmp', 'fixture-bin')]);
  try {
    const text = run('chroot', [rootfs, 'go', 'version', '-m', '/tmp/fixture-bin']);
    return parseGoVersion(text, rootfs).map((b) => ({ ...b, path: 'app/bin/fixture' }));
  } finally {
    run('rm', ['-f', join(rootfs, 'tmp', 'fixture-bin')]);
  }
}

function parseGoVersion(text: string, rootfs: string): GroundTruth['go'] {
  const out: GroundTruth['go'] = [];
  for (const line of text.split('\n')) {
    const head = /^\/(\S+): (go\S+)$/.exec(line);
    if (head) {
      const real = run('chroot', [rootfs, 'realpath', `/${head[1]}`])
        .trim()
        .slice(1);
      out.push({ path: real, goVersion: head[2]!, modules: [] });
      continue;
    }
    const current = out[out.length - 1];
    const [kind, path, version] = line.trim().split('\t');
    if (!current || !path) continue;
    if (kind === 'mod' || kind === 'dep') current.modules.push({ path, version: version ?? '' });
    // A replacement by another module is what was compiled in; a local directory is not.
    const local = /^(\.\.?\/|\/)/.test(path);
    if (kind === '=>' && version && !local) current.modules.splice(-1, 1, { path, version });
  }
  const unique = new Map(out.map((b) => [b.path, b]));
  return [...unique.values()].sort((a, b) => a.path.localeCompare(b.path));
}

async function buildGoProgram(rootfs: string, app: string): Promise<void> {
  const src = join(rootfs, 'tmp', 'fixture-src');
  for (const [name, text] of Object.entries(GO_FILES)) {
    await mkdir(join(src, name, '..'), { recursive: true });
    await writeFile(join(src, name), text);
  }
  const env = 'HOME=/tmp GOCACHE=/tmp/gocache GOFLAGS=-mod=mod GOPROXY=off';
  run('chroot', [
    rootfs,
    'sh',
    '-c',
    `cd /tmp/fixture-src && ${env} go build -o /tmp/fixture-bin .`,
  ]);
  await mkdir(join(app, 'bin'), { recursive: true });
  await rename(join(rootfs, 'tmp', 'fixture-bin'), join(app, 'bin', 'fixture'));
  await rm(src, { recursive: true, force: true });
  await rm(join(rootfs, 'tmp', 'gocache'), { recursive: true, force: true });
}

async function writeLayout(dir: string): Promise<void> {
  const layout = join(dir, 'layout');
  const base = await tarLayer(layout, ['-C', join(dir, 'rootfs'), '.']);
  const app = await tarLayer(layout, ['-C', dir, 'app']);
  await writeImageLayout(layout, {
    layers: [base, app],
    config: {
      Cmd: ['node', '/app/index.js'],
      ExposedPorts: { '22/tcp': {}, '8080/tcp': {} },
      WorkingDir: '/app',
    },
    history: [
      { created_by: 'debootstrap --variant=minbase bookworm' },
      { created_by: 'EXPOSE 22 8080', empty_layer: true },
      { created_by: 'COPY app /app # buildkit' },
    ],
    tag: 'fixture',
  });
}
