/**
 * What the freeze paths need besides the event's client: the freeze events to
 * announce changes on (freeze-events.ts) and the ledger the audit records also
 * go to. Built once in app/index.ts; `freezeDepsFor` adds one delivery's client
 * and installation. A timer (no delivery) builds FreezeDeps itself from an
 * installation client.
 */
import type { Context, Logger } from 'probot';
import type { GitHubClient } from '../../src/github/client.js';
import { clientFor } from '../github-client.js';
import type { LedgerTarget } from '../overrides/write-audit-record.js';
import type { FreezeEvents } from './freeze-events.js';

export interface FreezeServices {
  events: FreezeEvents;
  /** The ledger's client, or null when the operator set none (throws when it is set but unreachable). */
  ledger: () => Promise<LedgerTarget | null>;
}

export interface FreezeDeps extends FreezeServices {
  client: GitHubClient;
  log: Logger;
  appId: number;
  /** The installation the change comes through: announced with it, so the reactors read and write with it. */
  installationId: number;
}

/** The freeze dependencies of one delivery; GitHub sends every app webhook with its installation. */
export function freezeDepsFor(
  context: Pick<Context, 'octokit' | 'log'> & { payload: { installation?: { id: number } | null } },
  appId: number,
  services: FreezeServices,
): FreezeDeps {
  const installationId = context.payload.installation?.id;
  if (installationId === undefined) throw new Error('the event names no installation: freezes are kept per installation');
  return { ...services, client: clientFor(context), log: context.log, appId, installationId };
}
