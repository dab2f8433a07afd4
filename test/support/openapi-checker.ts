/**
 * Checks a GitHub API request against GitHub's published OpenAPI description
 * (@octokit/openapi): the operation must exist for the method and path, the
 * JSON body must match the operation's request schema, and a body may not carry
 * top-level fields the schema does not define (which GitHub would ignore).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ValidateFunction } from 'ajv';

type Json = Record<string, unknown>;

interface Operation {
  method: string;
  template: string;
  regex: RegExp;
  literalLength: number;
  pointer: string;
  hasBody: boolean;
}

const require = createRequire(import.meta.url);
let loaded: { ajv: Ajv; spec: Json; operations: Operation[] } | undefined;
const validators = new Map<string, ValidateFunction>();

function escapePointer(segment: string): string {
  return encodeURIComponent(segment.replace(/~/g, '~0').replace(/\//g, '~1'));
}

/** OpenAPI 3.0's `nullable: true` as JSON Schema (Ajv rejects `nullable` without `type`). */
function convertNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convertNullable);
  if (typeof node !== 'object' || node === null) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node as Json)) out[k] = convertNullable(v);
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string')
      return { ...out, type: [out.type, 'null'], ...(Array.isArray(out.enum) ? { enum: [...(out.enum as unknown[]), null] } : {}) };
    return { anyOf: [out, { type: 'null' }] };
  }
  delete out.nullable;
  return out;
}

function load() {
  if (loaded) return loaded;
  const raw = JSON.parse(readFileSync(require.resolve('@octokit/openapi/generated/api.github.com.json'), 'utf8')) as Json;
  const spec = {
    ...raw,
    paths: convertNullable(raw.paths),
    components: { ...(raw.components as Json), schemas: convertNullable((raw.components as Json).schemas) },
  } as Json;
  // Examples, formats and the like are not ours to check.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false, validateSchema: false });
  ajv.addSchema(spec, 'gh');
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths as Record<string, Json>)) {
    for (const method of ['get', 'post', 'put', 'patch', 'delete']) {
      const op = item[method] as Json | undefined;
      if (!op) continue;
      const pattern = template
        .split(/(\{[^}]+\})/)
        .map((part) => (part.startsWith('{') ? (part === '{path}' ? '.+' : '[^/]+') : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
        .join('');
      const body = op.requestBody as Json | undefined;
      const content = body?.content as Record<string, Json> | undefined;
      operations.push({
        method: method.toUpperCase(),
        template,
        regex: new RegExp(`^${pattern}$`),
        literalLength: template.replace(/\{[^}]+\}/g, '').length,
        pointer: `gh#/paths/${escapePointer(template)}/${method}/requestBody/content/${escapePointer('application/json')}/schema`,
        hasBody: Boolean(content?.['application/json']),
      });
    }
  }
  loaded = { ajv, spec, operations };
  return loaded;
}

/** The OpenAPI operation for a request, most specific template first. */
function findOperation(method: string, path: string): Operation | undefined {
  const clean = path.replace(/^\/api\/v3(?=\/)/, '').split('?')[0]!;
  return load()
    .operations.filter((op) => op.method === method.toUpperCase() && op.regex.test(clean))
    .sort((a, b) => b.literalLength - a.literalLength)[0];
}

function schemaAt(pointer: string): Json | undefined {
  const { spec } = load();
  let node: unknown = spec;
  for (const raw of pointer.replace(/^gh#\//, '').split('/')) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = typeof node === 'object' && node !== null ? (node as Json)[key] : undefined;
  }
  return node as Json | undefined;
}

function resolveRef(schema: Json): Json {
  const ref = schema.$ref;
  if (typeof ref === 'string' && ref.startsWith('#/')) return schemaAt(`gh${ref}`) ?? schema;
  return schema;
}

/** Top-level property names a schema (or any branch of its anyOf/oneOf/allOf) allows; null when open. */
function allowedProperties(schema: Json): Set<string> | null {
  const s = resolveRef(schema);
  const branches = [...((s.anyOf as Json[]) ?? []), ...((s.oneOf as Json[]) ?? []), ...((s.allOf as Json[]) ?? [])];
  if (branches.length > 0) {
    const names = new Set<string>();
    for (const branch of branches) {
      const sub = allowedProperties(branch);
      if (sub === null) return null;
      sub.forEach((n) => names.add(n));
    }
    return names;
  }
  if (s.additionalProperties !== undefined && s.additionalProperties !== false) return null;
  const props = s.properties as Json | undefined;
  return props ? new Set(Object.keys(props)) : null;
}

/** Problems with one request; empty when it conforms. */
export function checkRequestAgainstOpenApi(request: { method: string; path: string; body?: unknown }): string[] {
  try {
    return check(request);
  } catch (error: unknown) {
    // A checker failure must fail the test, not hang the request it inspects.
    return [
      `${request.method} ${request.path}: the OpenAPI check itself failed: ${error instanceof Error ? error.message : String(error)}`,
    ];
  }
}

function check(request: { method: string; path: string; body?: unknown }): string[] {
  const op = findOperation(request.method, request.path);
  const label = `${request.method} ${request.path}`;
  if (!op) return [`${label}: no such operation in GitHub's OpenAPI description`];
  if (request.body === undefined || request.body === '' || request.method === 'GET') return [];
  if (!op.hasBody) return [`${label}: ${op.template} takes no JSON body`];
  let validate = validators.get(op.pointer);
  if (!validate) {
    validate = load().ajv.compile({ $ref: op.pointer });
    validators.set(op.pointer, validate);
  }
  const problems: string[] = [];
  if (!validate(request.body)) {
    problems.push(...(validate.errors ?? []).map((e) => `${label}: body${e.instancePath} ${e.message ?? 'is invalid'}`));
  }
  const allowed = allowedProperties(schemaAt(op.pointer) ?? {});
  if (allowed && typeof request.body === 'object' && request.body !== null) {
    for (const key of Object.keys(request.body))
      if (!allowed.has(key)) problems.push(`${label}: body field "${key}" is not in the operation's schema`);
  }
  return problems;
}

/**
 * Problems with one response body against the operation's schema for its status (application/json); empty when
 * it conforms or the operation describes no JSON body for that status. For stand-in routes whose answers the
 * code under test parses, so that a stand-in cannot drift from what GitHub sends.
 */
export function checkResponseAgainstOpenApi(response: { method: string; path: string; status: number; body: unknown }): string[] {
  const label = `${response.method} ${response.path} → ${response.status}`;
  const op = findOperation(response.method, response.path);
  if (!op) return [`${label}: no such operation in GitHub's OpenAPI description`];
  const pointer = op.pointer.replace(/\/requestBody\/content\//, `/responses/${response.status}/content/`);
  if (!schemaAt(pointer)) return [];
  let validate = validators.get(pointer);
  if (!validate) {
    validate = load().ajv.compile({ $ref: pointer });
    validators.set(pointer, validate);
  }
  return validate(response.body)
    ? []
    : (validate.errors ?? []).map((e) => `${label}: response${e.instancePath} ${e.message ?? 'is invalid'}`);
}

/**
 * Problems with a value against one of the description's component schemas (`labeled-issue-event`), for answers
 * whose operation schema is a loose `anyOf` (an issue's events match one of twenty shapes, some of them open).
 */
export function checkAgainstOpenApiComponent(component: string, value: unknown, label: string): string[] {
  const pointer = `gh#/components/schemas/${escapePointer(component)}`;
  if (!schemaAt(pointer)) return [`${label}: no schema ${component} in GitHub's OpenAPI description`];
  let validate = validators.get(pointer);
  if (!validate) {
    validate = load().ajv.compile({ $ref: pointer });
    validators.set(pointer, validate);
  }
  return validate(value) ? [] : (validate.errors ?? []).map((e) => `${label}: ${component}${e.instancePath} ${e.message ?? 'is invalid'}`);
}
