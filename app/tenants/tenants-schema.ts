/**
 * The tenants file (`PROMETHEUS_TENANTS=<path>`): the operator's map from
 * installations, owners and repositories to the Prometheus each may read, and
 * (optionally) the Alertmanager tokens and what each may open incidents in.
 * Its JSON Schema is generated to `schema/tenants.schema.json`.
 *
 * Every object is strict (an unknown key is an error). No secret is ever written
 * in the file: credentials are named by environment variable
 * (`bearer-token-env`), and Alertmanager tokens are stored as SHA-256 digests.
 *
 * Which tenant a repository gets, most specific first: an exact `owner/repo` in
 * `repositories`; a glob in `repositories` (among several matching globs, the
 * one with the most characters other than `*`; an exact tie between tenants is
 * refused as ambiguous); `owner`; `installation`. The same exact repository,
 * glob, owner or installation in two tenants is an error in the file.
 */
import { z } from 'zod';
import { durationSchema } from '../../src/core/policy/duration-schema.js';
import { isHttpUrl } from '../../src/core/http-url.js';
import { OWNER_NAME, REPOSITORY_PATTERN } from './repository-pattern.js';

const envVarName = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, { message: 'expected an environment variable name such as MIMIR_TOKEN_PAYMENTS' });

const ownerName = z.string().regex(OWNER_NAME, { message: 'expected a GitHub user or organisation name such as acme' });

const repositoryPattern = z.string().regex(REPOSITORY_PATTERN, {
  message: 'expected owner/repo, where * stands for any characters but /, such as acme/payments or acme/payments-*',
});

/** Headers that carry credentials: they come from the environment (bearer-token-env), never from the file. */
const CREDENTIAL_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

const headerName = z.string().regex(/^[A-Za-z0-9-]+$/, { message: 'expected an HTTP header name such as X-Scope-OrgID' });

/** Header names and values; never a credential header (the message never shows its value). */
const headers = z.record(headerName, z.string()).superRefine((h, ctx) => {
  for (const name of Object.keys(h)) {
    if (CREDENTIAL_HEADERS.has(name.toLowerCase())) {
      ctx.addIssue({
        code: 'custom',
        path: [name],
        // "got" keeps toPolicyIssues from appending the value, which is a secret here.
        message: `got the credential header ${name}: credentials do not belong in the file; name the variable holding the token with bearer-token-env`,
      });
    }
  }
});

const prometheusUrl = z
  .string()
  .refine(isHttpUrl, { message: 'expected an http:// or https:// URL such as https://mimir.example.com/prometheus' })
  .refine((u) => !isHttpUrl(u) || (new URL(u).username === '' && new URL(u).password === ''), {
    message: 'credentials do not belong in the URL: name the variable holding the token with bearer-token-env',
  });

/** A label matcher every query of the tenant must carry (the app adds it, or refuses a query that contradicts it). */
const labelMatcherSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, { message: 'expected a Prometheus label name such as tenant' })
      .refine((n) => !n.startsWith('__'), { message: 'labels starting with __ are reserved by Prometheus' })
      .meta({ description: 'The label name, e.g. `tenant`.' }),
    value: z.string().min(1).meta({ description: 'The only value of that label the tenant may read, e.g. `payments`.' }),
  })
  .meta({
    description:
      'Every vector and matrix selector of every query sent for this tenant gets `name="value"` added; a query whose selector already matches that label otherwise (`=~`, `!=`, `!~`, another value) is refused, naming the selector.',
  });

/** Where and how the app queries Prometheus for a tenant. */
const tenantPrometheusSchema = z
  .strictObject({
    url: prometheusUrl.meta({
      description:
        'Base URL of the Prometheus HTTP API, without /api/v1 (Mimir with its prefix, e.g. https://mimir.example.com/prometheus). Its host name is resolved and checked by the app: loopback, link-local and private addresses need PROMETHEUS_ALLOWED_NETWORKS.',
    }),
    headers: headers.optional().meta({
      description:
        'Extra request headers, e.g. `X-Scope-OrgID: payments` for Mimir or Cortex. Not for credentials (Authorization, Cookie): use bearer-token-env.',
    }),
    'bearer-token-env': envVarName.optional().meta({
      description:
        "Name of the variable in the app's environment holding a bearer token for this Prometheus; sent as `Authorization: Bearer …`. The variable must be set when the app starts.",
    }),
    timeout: durationSchema.optional().meta({ description: 'Time limit of each query attempt.', default: '4s' }),
    'label-matcher': labelMatcherSchema.optional(),
  })
  .meta({ description: "The tenant's Prometheus (or Thanos, Mimir, VictoriaMetrics)." });

const tenantSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, {
        message: 'expected a short name of letters, digits, ".", "_" and "-", such as payments',
      })
      .meta({
        description: 'Unique name: shown in logs, and the key of the per-tenant cap on concurrent queries (PROMETHEUS_TENANT_CONCURRENCY).',
      }),
    installation: z
      .number()
      .int()
      .positive()
      .optional()
      .meta({ description: 'A GitHub App installation id: every repository of that installation (least specific).' }),
    owner: ownerName.optional().meta({ description: 'A user or organisation: every repository it owns.' }),
    repositories: z.array(repositoryPattern).min(1).optional().meta({
      description:
        '`owner/repo` names or globs (`*` is any run of characters but `/`). An exact name is the most specific match; a glob comes next.',
    }),
    prometheus: tenantPrometheusSchema,
  })
  .refine((t) => t.installation !== undefined || t.owner !== undefined || t.repositories !== undefined, {
    message: 'a tenant needs at least one of installation, owner or repositories',
  })
  .meta({ description: 'A tenant: which repositories it covers, and the Prometheus they are evaluated against.' });

/** One Alertmanager token and the repositories it may open incidents in. */
const alertmanagerTokenSchema = z
  .strictObject({
    name: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,62}$/, { message: 'expected a short name such as payments-alertmanager' })
      .meta({ description: 'Shown in the logs when the token is used or refused (the token itself never is).' }),
    sha256: z
      .string()
      .regex(/^[0-9a-fA-F]{64}$/, { message: 'expected the hex SHA-256 of the token (printf %s "$TOKEN" | sha256sum)' })
      .meta({
        description:
          'Hex SHA-256 of the bearer token Alertmanager sends (`printf %s "$TOKEN" | sha256sum`). Use a random token of at least 32 characters.',
      }),
    owners: z
      .array(ownerName)
      .min(1)
      .optional()
      .meta({ description: 'Users or organisations whose repositories this token may open incidents in.' }),
    repositories: z
      .array(repositoryPattern)
      .min(1)
      .optional()
      .meta({ description: '`owner/repo` names or globs this token may open incidents in.' }),
  })
  .refine((t) => t.owners !== undefined || t.repositories !== undefined, {
    message: 'a token needs owners or repositories: what may it open incidents in?',
  })
  .meta({ description: 'A bearer token for POST /deploy-governor/alertmanager, limited to some repositories.' });

const alertmanagerTokensSchema = z.array(alertmanagerTokenSchema).min(1).meta({
  description: "Per-tenant Alertmanager tokens: a notification naming a repository outside its token's scope is refused (403) and logged.",
});

export const tenantsFileSchema = z
  .strictObject({
    tenants: z.array(tenantSchema).min(1).meta({
      description: 'The tenants. A repository none of them covers is refused, with a message saying the operator must assign it.',
    }),
    'alertmanager-tokens': alertmanagerTokensSchema.optional(),
  })
  .meta({
    title: 'deploy-governor tenants file',
    description: "The app operator's map from GitHub installations, owners and repositories to Prometheus targets (PROMETHEUS_TENANTS).",
  });

/** The file named by ALERTMANAGER_TOKENS: the same list as the tenants file's section, on its own. */
export const alertmanagerTokensFileSchema = z.strictObject({ 'alertmanager-tokens': alertmanagerTokensSchema });

export type AlertmanagerTokenInput = z.infer<typeof alertmanagerTokenSchema>;
