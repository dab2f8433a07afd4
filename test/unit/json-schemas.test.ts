import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluatePolicy } from '../../src/core/evaluate/evaluate-policy.js';
import { gateInputsSchema } from '../../src/core/policy/inputs.js';
import { resolvePolicy } from '../../src/core/policy/resolve-policy.js';
import { eventsAnswer, MemoryQuerier } from '../support/memory-querier.js';

const load = (file: string) => JSON.parse(readFileSync(new URL(`../../schema/${file}`, import.meta.url), 'utf8')) as object;

describe('generated JSON Schemas', () => {
  it('accept the example policy and reject an unknown key, as the zod schema does', () => {
    const validate = new Ajv2020({ strict: false }).compile(load('deploy-governor.schema.json'));
    const example = parse(readFileSync(new URL('../../examples/checkout/.github/deploy-governor.yml', import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(validate(example)).toBe(true);
    expect(validate({ ...example, 'block-onn': 'WARNING' })).toBe(false);
    expect(validate({ ...example, notify: { channels: ['deploys'], on: ['blocked', 'postmortem-overdue'] } })).toBe(true);
    expect(validate({ ...example, notify: { channels: ['https://hooks.example/x'] } })).toBe(false);
  });

  it('describe the reports the gate writes', async () => {
    const validate = new Ajv2020({ strict: false }).compile(load('report.schema.json'));
    const policy = resolvePolicy({}, gateInputsSchema.parse({ 'dr-check': 'false' }));
    const report = await evaluatePolicy({
      policy,
      prometheus: new MemoryQuerier(eventsAnswer({ '30d': { errors: 5, total: 1000 } })),
      now: new Date(),
    });
    expect(validate(JSON.parse(JSON.stringify(report)))).toBe(true);
    expect(validate({ ...report, schema: 'deploy-governor/report@2' })).toBe(false);
  });
});
