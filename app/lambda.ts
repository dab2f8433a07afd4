/**
 * AWS Lambda entry point: the same app behind API Gateway or a function URL,
 * through @probot/adapter-aws-lambda-serverless. The adapter (4.x) still ships
 * its own Probot 13; the app only uses the API both versions share (`on`,
 * `context.octokit.request`, `context.repo`, `context.log`), so the function is
 * handed over across the two versions' types.
 */
import { createLambdaFunction, createProbot } from '@probot/adapter-aws-lambda-serverless';
import app from './index.js';

type AdapterAppFunction = Parameters<typeof createLambdaFunction>[0];

export const handler = createLambdaFunction(app as unknown as AdapterAppFunction, { probot: createProbot() });
