import { type Cataloger, catalogConsumer, MiB } from '../cataloger.js';
import { parseDepsJson } from './parse-deps-json.js';

export const DOTNET_CATALOGER = 'dotnet-deps';

export const dotnetCataloger: Cataloger = {
  mode: 'image',
  consumer: catalogConsumer(DOTNET_CATALOGER, 1, ['**/*.deps.json'], 64 * MiB, parseDepsJson),
};
