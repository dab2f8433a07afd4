/**
 * app.yml, the app's manifest as committed, made into the JSON GitHub's
 * manifest flow takes
 * (https://docs.github.com/apps/sharing-github-apps/registering-a-github-app-from-a-manifest).
 * app.yml holds what does not depend on where the app runs (name, homepage,
 * description, public, events, permissions); the setup adds the webhook URL
 * (`hook_attributes.url`) and `redirect_url`, so app.yml may not set them.
 *
 * The schema is strict: a misspelt key (`default_permission`) would otherwise
 * be dropped by GitHub without a word, and the app registered without it.
 */
import { parse } from 'yaml';
import { z } from 'zod';
import { isHttpUrl } from '../../src/core/http-url.js';

const httpUrl = z.string().refine(isHttpUrl, 'expected an http(s) URL');
const snakeName = z.string().regex(/^[a-z][a-z0-9_]*$/, 'expected a lower-case name such as issues or pull_requests');

/** GitHub App names: at most 34 characters. */
const appName = z
  .string()
  .min(1)
  .max(34, 'a GitHub App name has at most 34 characters')
  .regex(/^[^\p{Cc}]+$/u, 'no control characters');

const appYmlSchema = z.strictObject({
  name: appName,
  url: httpUrl,
  description: z.string().max(4000).optional(),
  public: z.boolean().optional(),
  // No url: the setup sets it from APP_BASE_URL and WEBHOOK_PATH (or WEBHOOK_PROXY_URL).
  hook_attributes: z.strictObject({ active: z.boolean().optional() }).optional(),
  default_events: z.array(snakeName),
  default_permissions: z.record(snakeName, z.enum(['read', 'write', 'admin'])),
  callback_urls: z.array(httpUrl).max(10).optional(),
  setup_url: httpUrl.optional(),
  setup_on_update: z.boolean().optional(),
  request_oauth_on_install: z.boolean().optional(),
});

export type AppYml = z.infer<typeof appYmlSchema>;

/** The manifest as GitHub reads it. */
export interface AppManifest extends Omit<AppYml, 'hook_attributes'> {
  public: boolean;
  hook_attributes: { url: string; active: boolean };
  redirect_url: string;
}

/** A problem with app.yml, naming the key. */
export class AppYmlError extends Error {
  override readonly name = 'AppYmlError';
}

/** app.yml's text checked; an AppYmlError naming every key that is wrong. */
export function parseAppYml(text: string, file = 'app.yml'): AppYml {
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 0 });
  } catch (error: unknown) {
    throw new AppYmlError(`${file} is not valid YAML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (data !== null && typeof data === 'object' && !Array.isArray(data)) {
    // The two keys the setup owns get their own message: the strict schema would only say "unrecognized key".
    if ('redirect_url' in data)
      throw new AppYmlError(`${file}: remove redirect_url: the setup sets it to its own callback under APP_BASE_URL`);
    const hook = (data as Record<string, unknown>).hook_attributes;
    if (hook !== null && typeof hook === 'object' && 'url' in hook) {
      throw new AppYmlError(
        `${file}: remove hook_attributes.url: the setup sets it from APP_BASE_URL and WEBHOOK_PATH (or WEBHOOK_PROXY_URL)`,
      );
    }
  }
  const parsed = appYmlSchema.safeParse(data);
  if (!parsed.success) {
    throw new AppYmlError(
      `${file} is not a manifest the setup can send:\n${parsed.error.issues.map((i) => `  - ${i.path.join('.') || '(top level)'}: ${i.message}`).join('\n')}`,
    );
  }
  return parsed.data;
}

/** The manifest for GitHub: app.yml with the webhook URL, the redirect URL and, when given, another name. */
export function manifestFromAppYml(appYml: AppYml, where: { webhookUrl: string; redirectUrl: string; name?: string }): AppManifest {
  const { hook_attributes: hook, ...rest } = appYml;
  return {
    ...rest,
    name: where.name ?? appYml.name,
    // Private (installable only on the account that owns it) unless app.yml says public: true.
    public: appYml.public ?? false,
    hook_attributes: { url: where.webhookUrl, active: hook?.active ?? true },
    redirect_url: where.redirectUrl,
  };
}

/** A name the setup page may put in the manifest instead of app.yml's, or null when it is not one. */
export function checkAppName(name: string): string | null {
  return appName.safeParse(name).success ? name : null;
}
