import { BINARY_PATTERNS, MAX_BINARY_SIZE } from '../binary-paths.js';
import { type Cataloger, catalogConsumer, MiB } from '../cataloger.js';
import { parseGoBinary } from './parse-buildinfo.js';
import { parseGoMod, parseGoSum } from './parse-go-mod.js';

export const GO_BINARY_CATALOGER = 'go-binary';

export const goBinaryCataloger: Cataloger = {
  mode: 'image',
  consumer: catalogConsumer(
    GO_BINARY_CATALOGER,
    2,
    [...BINARY_PATTERNS],
    MAX_BINARY_SIZE,
    parseGoBinary,
  ),
};

export const GO_MOD_CATALOGER = 'go-mod';

export const goModCataloger: Cataloger = {
  mode: 'fs',
  consumer: catalogConsumer(
    GO_MOD_CATALOGER,
    1,
    ['**/go.mod', '**/go.sum'],
    16 * MiB,
    (bytes, path) => (path.endsWith('go.sum') ? parseGoSum(bytes, path) : parseGoMod(bytes, path)),
  ),
};
