/**
 * NOTIFY_WEBHOOKS: the chat webhooks the operator offers, by name. A policy
 * names channels (`notify.channels`), never addresses; the operator decides
 * which repositories may use each one, so nothing from one tenant reaches
 * another tenant's channel. Either the path of a YAML file or the JSON itself:
 *
 * ```yaml
 * deploys-checkout:
 *   url: https://hooks.slack.com/services/T000/B000/XXXX   # a secret: never logged
 *   format: slack            # slack (Slack, Mattermost, Rocket.Chat) or teams; default slack
 *   repositories: [acme/checkout, acme/checkout-*]          # owner/repo or globs (app/tenants/repository-pattern.ts)
 * ```
 *
 * Follows app/config/env.ts's convention: every problem at once, naming the
 * variable, and never a URL in a message (the value of the JSON form is not
 * shown either: it holds them).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { NOTIFY_FORMATS, type NotifyFormat } from '../../src/core/notify/notify-format-names.js';
import { isHttpUrl } from '../../src/core/http-url.js';
import { parseHardenedYaml } from '../../src/core/yaml/parse-hardened-yaml.js';
import type { Env, EnvProblem, EnvResult } from '../config/env.js';
import { compileRepositoryPattern, REPOSITORY_PATTERN, type RepositoryPattern } from '../tenants/repository-pattern.js';

interface NotifyChannel {
  name: string;
  /** A secret. */
  url: string;
  format: NotifyFormat;
  repositories: RepositoryPattern[];
}

/** Channels by name; empty when NOTIFY_WEBHOOKS is unset. */
export type NotifyChannels = ReadonlyMap<string, NotifyChannel>;

const VARIABLE = 'NOTIFY_WEBHOOKS';
const MAX_CHANNELS = 200;

const channelSchema = z.strictObject({
  url: z.string().refine(isHttpUrl, { message: "expected the webhook's http(s) URL (not shown here: it is a secret)" }),
  format: z.enum(NOTIFY_FORMATS, { message: `expected one of ${NOTIFY_FORMATS.join(', ')}` }).optional(),
  repositories: z
    .array(
      z.string().regex(REPOSITORY_PATTERN, { message: 'expected owner/repo or a glob such as acme/checkout-* (*/* for every repository)' }),
    )
    .min(1, { message: 'name at least one repository (owner/repo or a glob); */* allows every repository' }),
});

const fileSchema = z
  .record(
    z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, { message: 'expected a channel name (letters, digits, ".", "_", "-", at most 64)' }),
    channelSchema,
  )
  .refine((r) => Object.keys(r).length <= MAX_CHANNELS, { message: `at most ${MAX_CHANNELS} channels` });

export type ReadText = (path: string) => string;

/** NOTIFY_WEBHOOKS, checked; every problem names the variable. */
export function parseNotifyEnv(env: Env, read: ReadText = (p) => readFileSync(p, 'utf8')): EnvResult<NotifyChannels> {
  const raw = env[VARIABLE]?.trim();
  if (!raw) return { value: new Map() };
  const inline = raw.startsWith('{');
  // The JSON form holds the URLs: never shown. A path is.
  const shown = inline ? '***' : raw;
  const problem = (message: string): EnvProblem => ({
    variable: VARIABLE,
    value: shown,
    message: message.replace(/https?:\/\/\S+/gi, '***'),
  });
  let text = raw;
  if (!inline) {
    try {
      text = read(raw);
    } catch (error: unknown) {
      const code = (error as NodeJS.ErrnoException | null)?.code;
      return {
        problems: [
          problem(`cannot read the file it names${code ? ` (${code})` : ''}: set it to the path of a YAML file, or to the JSON itself`),
        ],
      };
    }
  }
  // JSON is YAML: one parser for both, with the hardened limits.
  const yaml = parseHardenedYaml(text, { maxChars: 256 * 1024, maxDepth: 8, maxAliasCount: 0 });
  if (!yaml.ok) return { problems: yaml.issues.map((i) => problem(`${i.path ? `${i.path}: ` : ''}${i.message}`)) };
  const parsed = fileSchema.safeParse(yaml.data ?? {});
  if (!parsed.success) {
    return {
      problems: parsed.error.issues.slice(0, 50).map((i) => problem(`${i.path.length > 0 ? `${i.path.join('.')}: ` : ''}${i.message}`)),
    };
  }
  return {
    value: new Map(
      Object.entries(parsed.data).map(([name, c]) => [
        name,
        { name, url: c.url, format: c.format ?? 'slack', repositories: c.repositories.map(compileRepositoryPattern) },
      ]),
    ),
  };
}
