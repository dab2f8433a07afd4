/**
 * Writes schema/deploy-governor.schema.json from the zod policy schema, or with
 * --check fails when the committed file differs (run by CI).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { policyFileSchema } from '../src/core/policy/schema.js';

const target = new URL('../schema/deploy-governor.schema.json', import.meta.url);
const schema = z.toJSONSchema(policyFileSchema, { io: 'input', unrepresentable: 'any' });
const text = `${JSON.stringify({ ...schema, $id: 'https://github.com/deploy-governor/deploy-governor/schema/deploy-governor.schema.json' }, null, 2)}\n`;

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // missing counts as different
  }
  if (current !== text) {
    console.error('schema/deploy-governor.schema.json is stale: run `npm run schema` and commit it.');
    process.exit(1);
  }
  console.log('schema/deploy-governor.schema.json is up to date.');
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target.pathname}`);
}
