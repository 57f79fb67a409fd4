import { type Cataloger, catalogConsumer, MiB } from '../cataloger.js';
import { parseComposerInstalled } from './parse-installed-json.js';

export const COMPOSER_CATALOGER = 'composer-installed';

export const composerCataloger: Cataloger = {
  mode: 'image',
  consumer: catalogConsumer(
    COMPOSER_CATALOGER,
    1,
    ['**/vendor/composer/installed.json'],
    64 * MiB,
    parseComposerInstalled,
  ),
};
