/**
 * The app's JSON Web Token (RS256, the app id as issuer), signed once and used
 * until shortly before it expires, instead of once per installation token:
 * @octokit/auth-app signs a fresh one (parsing the private key each time) for
 * every installation token it fetches, and an organisation-wide installation
 * base means one every hour per installation. GitHub accepts a JWT for at most
 * 10 minutes; it is issued 30 s in the past (clock drift, as Octokit does) and
 * replaced 2 minutes before it expires. A clock-skew retry (auth-app passes the
 * difference it measured) gets a fresh token for the corrected time, not kept.
 */
import { createPrivateKey, sign, type KeyObject } from 'node:crypto';

export interface AppJwt {
  jwt: string;
  expiresAt: string;
}

const LIFETIME_S = 10 * 60;
const DRIFT_S = 30;
const RENEW_BEFORE_S = 2 * 60;

const base64url = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** A createJwt for @octokit/auth-app that reuses one token per key while it is comfortably valid. */
export function cachedAppJwt(
  privateKeyPem: string,
  now: () => number = () => Date.now(),
): (appId: number | string, timeDifference?: number) => Promise<AppJwt> {
  // Keys set through an environment variable often carry escaped newlines (as universal-github-app-jwt accepts).
  const key: KeyObject = createPrivateKey(privateKeyPem.replace(/\\n/g, '\n'));
  const kept = new Map<string, { token: AppJwt; exp: number }>();
  const mint = (appId: number | string, seconds: number): { token: AppJwt; exp: number } => {
    const iat = seconds - DRIFT_S;
    const exp = iat + LIFETIME_S;
    const unsigned = `${base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT' }))}.${base64url(JSON.stringify({ iat, exp, iss: appId }))}`;
    const signature = sign('sha256', Buffer.from(unsigned), key).toString('base64url');
    return { token: { jwt: `${unsigned}.${signature}`, expiresAt: new Date(exp * 1000).toISOString() }, exp };
  };
  return async (appId, timeDifference) => {
    const seconds = Math.floor(now() / 1000);
    if (timeDifference) return mint(appId, seconds + timeDifference).token;
    const current = kept.get(String(appId));
    if (current && current.exp - seconds > RENEW_BEFORE_S) return current.token;
    const fresh = mint(appId, seconds);
    kept.set(String(appId), fresh);
    return fresh.token;
  };
}
