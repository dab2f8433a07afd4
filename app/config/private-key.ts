/**
 * The GitHub App's private key, checked by parsing it (node:crypto), in the
 * forms operators paste: the .pem file's text, the same with its newlines
 * written as `\n` (an .env file, a CI secret), on one line, base64-encoded (as
 * Probot accepts), or in quotes. The key handed on is PKCS#8 PEM, the one form
 * Probot's JWT library (WebCrypto) reads whatever the .pem held.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto';

const PEM_FORM = 'it should start with -----BEGIN RSA PRIVATE KEY----- or -----BEGIN PRIVATE KEY-----';

export type KeyCheck = { pem: string } | { problem: string };

/** The key text as pasted, made into PEM: quotes, `\n` escapes, one-line PEM and base64 undone. */
function normalizeKeyText(text: string): string {
  let t = text.trim();
  if (t.length >= 2 && (t[0] === '"' || t[0] === "'") && t.at(-1) === t[0]) t = t.slice(1, -1).trim();
  if (!t.includes('-----BEGIN') && /^[A-Za-z0-9+/=\s]+$/.test(t)) {
    const decoded = Buffer.from(t, 'base64').toString('utf8');
    if (decoded.includes('-----BEGIN')) t = decoded.trim();
  }
  t = t.replace(/\\r\\n|\\n/g, '\n').replace(/\r\n/g, '\n');
  // A block whose line breaks were lost or turned into spaces: its body is base64 and can be rewrapped
  // (an encrypted PKCS#1 key has "Proc-Type:" headers in its body: left alone, it is refused below anyway).
  const m = /^-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----$/.exec(t);
  if (m && !m[2]!.includes(':')) {
    const body = m[2]!.replace(/\s+/g, '');
    t = `-----BEGIN ${m[1]}-----\n${body.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END ${m[1]}-----\n`;
  }
  return t;
}

/** Why the text is not a usable key, as a phrase that can follow "PRIVATE_KEY: ". */
function whyNot(text: string, key: KeyObject | null): string {
  if (key) return `a key of type ${key.asymmetricKeyType ?? 'unknown'}, but a GitHub App's key is RSA (generate one in the app's settings)`;
  if (text.includes('OPENSSH PRIVATE KEY')) return "an OpenSSH key, not a GitHub App key (generate a .pem in the app's settings)";
  if (text.includes('ENCRYPTED'))
    return 'an encrypted key: the app needs it without a passphrase (openssl pkey -in key.pem -out plain.pem)';
  if (/-----BEGIN [A-Z ]*PUBLIC KEY-----/.test(text) || text.includes('CERTIFICATE-----'))
    return `a public key or certificate, not the private key (${PEM_FORM})`;
  if (text.includes('-----BEGIN'))
    return `a PEM block that does not parse as a private key (cut short or altered when pasted? ${PEM_FORM})`;
  return `not a PEM private key (${PEM_FORM}; with a key file use PRIVATE_KEY_PATH)`;
}

/** The key as PKCS#8 PEM, or why it is not one (never quoting the text). */
export function checkPrivateKey(text: string): KeyCheck {
  const pem = normalizeKeyText(text);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem, format: 'pem' });
  } catch {
    return { problem: whyNot(pem, null) };
  }
  if (key.asymmetricKeyType !== 'rsa') return { problem: whyNot(pem, key) };
  return { pem: key.export({ type: 'pkcs8', format: 'pem' }).toString() };
}

/** True when PRIVATE_KEY holds what looks like a path to the key rather than the key. */
export function looksLikePath(text: string): boolean {
  const t = text.trim();
  return !t.includes('-----') && !/\s/.test(t) && (/^(\/|\.{1,2}\/|~\/|[A-Za-z]:\\)/.test(t) || /\.(pem|key)$/i.test(t));
}
