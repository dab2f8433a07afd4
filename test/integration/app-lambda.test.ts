/**
 * The AWS Lambda entry point (app/lambda.ts through
 * @probot/adapter-aws-lambda-serverless) handles a signed API Gateway event with
 * the same app, and refuses a mis-signed one.
 */
import { createHmac } from 'node:crypto';
import nock from 'nock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkRequestAgainstOpenApi } from '../support/openapi-checker.js';
import { APP_ID, testPrivateKey } from '../support/probot-harness.js';
import { reportFor } from '../support/reports.js';
import { checkRunCompleted, OWNER, REPO } from '../support/webhook-payloads.js';

const SECRET = 'lambda-secret';
type Handler = (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }>;
let handler: Handler;

beforeAll(async () => {
  Object.assign(process.env, { APP_ID: String(APP_ID), PRIVATE_KEY: testPrivateKey(), WEBHOOK_SECRET: SECRET, LOG_LEVEL: 'fatal' });
  handler = (await import('../../app/lambda.js')).handler as unknown as Handler;
  nock.disableNetConnect();
  nock.enableNetConnect(/127\.0\.0\.1/);
});
afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

function event(body: string, signature: string) {
  return { httpMethod: 'POST', path: '/', headers: { 'X-GitHub-Event': 'check_run', 'X-GitHub-Delivery': `lambda-${Math.random()}`, 'X-Hub-Signature-256': signature }, body };
}
const sign = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

describe('Lambda handler', () => {
  it('explains a block on the pull request from a signed event', async () => {
    const problems: string[] = [];
    let posted = '';
    const scope = nock('https://api.github.com')
      .post(/\/app\/installations\/\d+\/access_tokens/)
      .reply(201, { token: 'ghs_lambda', expires_at: '2999-01-01T00:00:00Z' })
      .get(`/repos/${OWNER}/${REPO}/issues/2/comments`)
      .query(true)
      .reply(200, [])
      .post(`/repos/${OWNER}/${REPO}/issues/2/comments`, (b: { body: string }) => ((posted = b.body), true))
      .reply(201, { id: 1 })
      .get(`/repos/${OWNER}/${REPO}/issues/2/comments`)
      .query(true)
      .reply(200, []);
    scope.on('request', (req: { method: string; path: string }, _i: unknown, body: string) =>
      problems.push(...checkRequestAgainstOpenApi({ method: req.method, path: req.path.split('?')[0]!, body: body ? JSON.parse(body) : undefined })),
    );
    const body = JSON.stringify(checkRunCompleted({ report: await reportFor(1500) }));
    const result = await handler(event(body, sign(body)), {});
    expect(result.statusCode).toBe(200);
    expect(posted).toContain('Deploys to production are blocked: EXHAUSTED');
    expect(scope.isDone()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('refuses an event with a wrong signature', async () => {
    const body = JSON.stringify(checkRunCompleted({ report: await reportFor(1500) }));
    await expect(handler(event(body, sign(`${body}x`)), {})).rejects.toThrow(/signature/i);
  });
});
