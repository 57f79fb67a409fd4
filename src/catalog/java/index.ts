import { type Cataloger, catalogConsumer, MiB } from '../cataloger.js';
import { parseJavaArchive } from './parse-archive.js';

export const JAVA_CATALOGER = 'java-archive';

export const javaCataloger: Cataloger = {
  mode: 'image',
  consumer: catalogConsumer(
    JAVA_CATALOGER,
    2,
    ['**/*.jar', '**/*.war', '**/*.ear', '**/*.jpi', '**/*.hpi'],
    512 * MiB,
    (bytes, path) => parseJavaArchive(bytes, path),
  ),
};
