import { type Cataloger, catalogConsumer, MiB } from '../cataloger.js';
import { parseGemspec } from './parse-gemspec.js';

export const RUBY_CATALOGER = 'ruby-gemspec';

export const rubyCataloger: Cataloger = {
  mode: 'image',
  consumer: catalogConsumer(
    RUBY_CATALOGER,
    1,
    ['**/specifications/**/*.gemspec'],
    4 * MiB,
    parseGemspec,
  ),
};
