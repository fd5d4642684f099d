// Build step: copy the data files tsc does not emit (language data, SQL migrations) next to the compiled code.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ASSET = /\.(txt|tsv|sql|json|json\.gz|bin\.gz)$/;

function copyAssets(from, to) {
  for (const name of readdirSync(from)) {
    const src = join(from, name);
    if (statSync(src).isDirectory()) copyAssets(src, join(to, name));
    else if (ASSET.test(name)) cpSync(src, join(to, name));
  }
}

copyAssets('src', 'dist/src');
