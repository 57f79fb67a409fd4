import { type Cataloger, catalogConsumer, MiB } from '../cataloger.js';
import { parseApkInstalled } from './parse-installed.js';

export const APK_CATALOGER = 'apk';

export const apkCataloger: Cataloger = {
  mode: 'image',
  consumer: catalogConsumer(
    APK_CATALOGER,
    1,
    ['lib/apk/db/installed'],
    64 * MiB,
    parseApkInstalled,
  ),
};
