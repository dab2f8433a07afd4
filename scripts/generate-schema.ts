/**
 * Writes the JSON Schemas generated from the zod contracts, or with --check
 * fails when a committed file differs (run by CI):
 * - schema/deploy-governor.schema.json: the policy file, for editors;
 * - schema/report.schema.json: the report (deploy-governor/report@1), for consumers;
 * - schema/tenants.schema.json: the app operator's tenants file (PROMETHEUS_TENANTS), for editors;
 * - schema/verification.schema.json: the verify step's verdict (deploy-governor/verification@1), for consumers.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { policyFileSchema } from '../src/core/policy/schema.js';
import { reportSchema } from '../src/core/report/report-schema.js';
import { tenantsFileSchema } from '../app/tenants/tenants-schema.js';
import { verificationSchema } from '../src/core/verify/verification-schema.js';

const BASE = 'https://github.com/deploy-governor/deploy-governor/schema';
const targets = [
  { file: 'deploy-governor.schema.json', schema: policyFileSchema, io: 'input' as const },
  { file: 'report.schema.json', schema: reportSchema, io: 'output' as const },
  { file: 'tenants.schema.json', schema: tenantsFileSchema, io: 'input' as const },
  { file: 'verification.schema.json', schema: verificationSchema, io: 'output' as const },
];

let stale = false;
for (const t of targets) {
  const url = new URL(`../schema/${t.file}`, import.meta.url);
  const json = z.toJSONSchema(t.schema, { io: t.io, unrepresentable: 'any' });
  const text = `${JSON.stringify({ ...json, $id: `${BASE}/${t.file}` }, null, 2)}\n`;
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(url, 'utf8');
    } catch {
      // missing counts as different
    }
    if (current !== text) {
      console.error(`schema/${t.file} is stale: run \`npm run schema\` and commit it.`);
      stale = true;
    } else {
      console.log(`schema/${t.file} is up to date.`);
    }
  } else {
    writeFileSync(url, text);
    console.log(`wrote schema/${t.file}`);
  }
}
if (stale) process.exit(1);
