/**
 * Release code names as OSV ecosystem names. Debian's from its release history
 * (https://www.debian.org/releases/), Ubuntu's from its release list; OSV writes Ubuntu
 * LTS releases as `Ubuntu:22.04:LTS` and ESM ones as `Ubuntu:Pro:16.04:LTS`.
 */
const DEBIAN: Record<string, string> = {
  buzz: '1.1',
  rex: '1.2',
  bo: '1.3',
  hamm: '2.0',
  slink: '2.1',
  potato: '2.2',
  woody: '3.0',
  sarge: '3.1',
  etch: '4',
  lenny: '5',
  squeeze: '6',
  wheezy: '7',
  jessie: '8',
  stretch: '9',
  buster: '10',
  bullseye: '11',
  bookworm: '12',
  trixie: '13',
  forky: '14',
};

const UBUNTU: Record<string, string> = {
  warty: '4.10',
  hoary: '5.04',
  breezy: '5.10',
  dapper: '6.06',
  edgy: '6.10',
  feisty: '7.04',
  gutsy: '7.10',
  hardy: '8.04',
  intrepid: '8.10',
  jaunty: '9.04',
  karmic: '9.10',
  lucid: '10.04',
  maverick: '10.10',
  natty: '11.04',
  oneiric: '11.10',
  precise: '12.04',
  quantal: '12.10',
  raring: '13.04',
  saucy: '13.10',
  trusty: '14.04',
  utopic: '14.10',
  vivid: '15.04',
  wily: '15.10',
  xenial: '16.04',
  yakkety: '16.10',
  zesty: '17.04',
  artful: '17.10',
  bionic: '18.04',
  cosmic: '18.10',
  disco: '19.04',
  eoan: '19.10',
  focal: '20.04',
  groovy: '20.10',
  hirsute: '21.04',
  impish: '21.10',
  jammy: '22.04',
  kinetic: '22.10',
  lunar: '23.04',
  mantic: '23.10',
  noble: '24.04',
  oracular: '24.10',
  plucky: '25.04',
  questing: '25.10',
};

/** `bullseye` -> `Debian:11`; an unknown name is kept as `Debian:<name>`, not dropped. */
export function debianEcosystem(codename: string): string {
  const name = codename.toLowerCase();
  return `Debian:${DEBIAN[name] ?? name}`;
}

/** `xenial` -> `Ubuntu:16.04:LTS`, `trusty/esm` -> `Ubuntu:Pro:14.04:LTS`. */
export function ubuntuEcosystem(release: string): string {
  const [codename = '', flavour] = release.toLowerCase().split('/');
  const version = UBUNTU[codename];
  if (!version) return `Ubuntu:${release}`;

  const [year = '', month] = version.split('.');
  const lts = month === '04' && Number(year) % 2 === 0 ? ':LTS' : '';
  const pro = flavour === 'esm' ? 'Pro:' : '';
  return `Ubuntu:${pro}${version}${lts}`;
}
