/**
 * A Sloth spec read the way Sloth reads it. Sloth (internal/storage/io/sloth.go)
 * unmarshals with `k8s.io/apimachinery/pkg/util/yaml`, that is
 * `sigs.k8s.io/yaml`: go-yaml v2 (YAML 1.1 scalars) into a generic value,
 * converted to JSON with the Go struct as a guide, then `encoding/json`. So:
 *
 * - YAML 1.1 scalars: `yes`/`no`/`on`/`off`/`y`/`n` are booleans, `010` is
 *   octal, `0x1F` hex, `1_000` a thousand; timestamps and base-60 numbers
 *   (`1:30`) stay strings (go-yaml v2 keeps a timestamp decoded into an
 *   interface as its text, and has no base 60);
 * - a number or a boolean where the struct wants a string (a label value, a
 *   name) becomes a string: an integer in decimal, a float as Go's
 *   `strconv.FormatFloat(v, 'g', -1, 32)` (`1.50` → "1.5", `1e6` → "1e+06"),
 *   a boolean as "true"/"false" (`tier: 2` → "2", `critical: yes` → "true");
 *   null is the empty string (a JSON null leaves a Go string empty);
 * - object keys match struct fields exactly or, failing that, ignoring case
 *   (`Objective:` is `objective`), and unknown keys are ignored.
 */
import type { DocumentOptions, ParseOptions, SchemaOptions } from 'yaml';

type CustomTags = Exclude<SchemaOptions['customTags'], null | undefined>;
type Tags = Extract<CustomTags, unknown[]>;

/** Options for `parseAllDocuments`: go-yaml v2's YAML 1.1 scalars, integers kept apart from floats. */
export const SLOTH_YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  version: '1.1',
  intAsBigInt: true,
  prettyErrors: true,
  uniqueKeys: true,
  // go-yaml v2 has no base-60 numbers and keeps timestamps as text.
  customTags: (tags: Tags) => tags.filter((t) => typeof t === 'string' || (t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME')),
};

/** Go's `strconv.FormatFloat(value, 'g', -1, 32)`: the shortest decimal that reads back as the same float32. */
export function goFloat32String(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  const f = Math.fround(value);
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  let mantissa = '';
  let exponent = 0;
  for (let digits = 1; digits <= 9; digits++) {
    const text = f.toExponential(digits - 1);
    if (Math.fround(Number(text)) !== f) continue;
    const [m, e] = text.split('e');
    mantissa = m!.replace('-', '').replace('.', '').replace(/0+$/, '') || '0';
    exponent = Number(e);
    break;
  }
  const sign = f < 0 ? '-' : '';
  // %g with the shortest precision switches to an exponent below 1e-4 and from 1e6 (Go uses precision 6 for the decision).
  if (exponent < -4 || exponent >= 6) {
    const e = `${exponent < 0 ? '-' : '+'}${String(Math.abs(exponent)).padStart(2, '0')}`;
    return `${sign}${mantissa[0]}${mantissa.length > 1 ? `.${mantissa.slice(1)}` : ''}e${e}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${mantissa}`;
  const whole = mantissa.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fraction = mantissa.slice(exponent + 1);
  return `${sign}${whole}${fraction ? `.${fraction}` : ''}`;
}

/** A scalar where Sloth's struct has a string field, as Sloth ends up with it. */
export function slothString(value: unknown): unknown {
  if (value === null) return '';
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') return goFloat32String(value);
  return value;
}

/** A scalar where Sloth's struct has a float64 (the objective): YAML integers are numbers too. */
export function slothNumber(value: unknown): unknown {
  return typeof value === 'bigint' ? Number(value) : value;
}

/** A JSON null decodes to nothing in Go: an optional struct, map or list left at its zero value. */
export function slothOptional(value: unknown): unknown {
  return value === null ? undefined : value;
}

/**
 * An object's keys matched to struct fields as `encoding/json` matches them:
 * exactly, or else ignoring case (an exact key wins over a case-folded one).
 * Unknown keys pass through, for the schema to ignore.
 */
export function foldFieldNames(fields: readonly string[]): (value: unknown) => unknown {
  return (value: unknown) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return slothOptional(value);
    const entries = Object.entries(value as Record<string, unknown>);
    const exact = new Set(entries.map(([k]) => k).filter((k) => fields.includes(k)));
    const out: Record<string, unknown> = {};
    for (const [key, v] of entries) {
      const field = fields.includes(key) ? key : fields.find((f) => f.toLowerCase() === key.toLowerCase());
      if (field === undefined) out[key] = v;
      else if (field === key || !exact.has(field)) out[field] = v;
    }
    return out;
  };
}
