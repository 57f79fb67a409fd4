import { type Cataloger, catalogConsumer, MiB } from '../cataloger.js';
import { parsePythonMetadata } from './parse-metadata.js';

export const PYTHON_CATALOGER = 'python-installed';

export const pythonCataloger: Cataloger = {
  mode: 'image',
  consumer: catalogConsumer(
    PYTHON_CATALOGER,
    1,
    ['**/*.dist-info/METADATA', '**/*.egg-info/PKG-INFO', '**/*.egg-info', '**/EGG-INFO/PKG-INFO'],
    8 * MiB,
    parsePythonMetadata,
  ),
};
