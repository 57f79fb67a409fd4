import type { Consumer } from '../layer/types.js';
import { apkCataloger } from './apk/index.js';
import type { Cataloger, CatalogMode, CatalogValue } from './cataloger.js';
import { dotnetCataloger } from './dotnet/index.js';
import { dpkgCataloger } from './dpkg/index.js';
import { goBinaryCataloger, goModCataloger } from './go/index.js';
import { javaCataloger } from './java/index.js';
import { npmInstalledCataloger, npmLockCataloger } from './npm/index.js';
import { osReleaseCataloger } from './os-release/index.js';
import { composerCataloger } from './php/index.js';
import { pythonCataloger } from './python/index.js';
import { rpmCataloger } from './rpm/index.js';
import { rubyCataloger } from './ruby/index.js';
import { cargoLockCataloger, rustBinaryCataloger } from './rust/index.js';

/**
 * Every cataloger, listed here and nowhere else. 'image' catalogers read what is
 * installed; 'fs' catalogers add lockfiles and manifests, which describe what a project
 * would install and so only count when scanning a source tree.
 */
export const CATALOGERS: readonly Cataloger[] = [
  osReleaseCataloger,
  dpkgCataloger,
  apkCataloger,
  rpmCataloger,
  npmInstalledCataloger,
  pythonCataloger,
  rubyCataloger,
  javaCataloger,
  goBinaryCataloger,
  rustBinaryCataloger,
  composerCataloger,
  dotnetCataloger,
  npmLockCataloger,
  goModCataloger,
  cargoLockCataloger,
];

export function catalogersFor(mode: CatalogMode): Consumer<CatalogValue>[] {
  return CATALOGERS.filter((c) => mode === 'fs' || c.mode === 'image').map((c) => c.consumer);
}
