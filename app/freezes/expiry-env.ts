import { PolicyError } from '../../src/core/policy/policy-error.js';

/**
 * FREEZE_EXPIRY: `on` (the default) lets the server close freezes when they end, with its start-up scan;
 * `off` leaves them to close when next read, as on Lambda (for a server that must send GitHub nothing unasked).
 */
export function freezeExpiryEnabled(env: NodeJS.ProcessEnv): boolean {
  const value = env.FREEZE_EXPIRY;
  if (value === undefined || value === '' || value === 'on') return true;
  if (value === 'off') return false;
  throw new PolicyError('environment', [{ path: 'FREEZE_EXPIRY', message: `expected on or off; got ${JSON.stringify(value)}` }]);
}
