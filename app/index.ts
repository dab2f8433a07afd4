/**
 * The deploy-governor GitHub App. This file only wires events to handlers; the
 * logic lives in app/handlers (one file per event) over the shared core.
 */
import type { ApplicationFunction } from 'probot';
import { readAppConfig } from './app-config.js';
import { onCheckRunCompleted } from './handlers/check-run-completed.js';
import { onProtectionRuleRequested } from './handlers/deployment-protection-rule-requested.js';

const app: ApplicationFunction = (probot) => {
  const config = readAppConfig();
  probot.on('check_run.completed', (context) => onCheckRunCompleted(context, config));
  probot.on('deployment_protection_rule.requested', (context) => onProtectionRuleRequested(context, config));
};

export default app;
