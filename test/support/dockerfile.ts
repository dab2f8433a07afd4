/**
 * A Dockerfile read into its instructions, as Docker's parser reads them
 * (without a linter: hadolint is not to be had offline, see docs/app.md
 * "Running in production"): comment and blank lines dropped (a `# syntax=`
 * directive too), `\` at the end of a line continuing it, the keyword
 * case-insensitive, and the JSON ("exec") form of CMD, ENTRYPOINT, RUN and
 * HEALTHCHECK's command parsed.
 */
export interface Instruction {
  /** Upper-cased: FROM, RUN, COPY, USER, HEALTHCHECK... */
  keyword: string;
  /** Everything after the keyword, continuation lines joined with one space. */
  args: string;
  /** 1-based line where the instruction starts. */
  line: number;
}

export function parseDockerfile(text: string): Instruction[] {
  const out: Instruction[] = [];
  let pending: { text: string; line: number } | null = null;
  text.split(/\r?\n/).forEach((raw, i) => {
    const trimmed = raw.trim();
    // Comments and empty lines, also between continuation lines (Docker skips those as well).
    if (trimmed === '' || trimmed.startsWith('#')) return;
    const continued = /\\\s*$/.test(raw);
    const part = continued ? raw.replace(/\\\s*$/, '').trim() : trimmed;
    pending = pending ? { text: `${pending.text} ${part}`, line: pending.line } : { text: part, line: i + 1 };
    if (continued) return;
    const m = /^(\S+)\s*(.*)$/.exec(pending.text)!;
    out.push({ keyword: m[1]!.toUpperCase(), args: m[2]!.trim(), line: pending.line });
    pending = null;
  });
  if (pending) throw new Error(`the Dockerfile ends inside a continued instruction (line ${(pending as { line: number }).line})`);
  return out;
}

/** `--name=value` flags at the start of the arguments, and the rest. */
export function splitFlags(args: string): { flags: Record<string, string>; rest: string } {
  const flags: Record<string, string> = {};
  let rest = args;
  for (let m = /^--([\w-]+)(?:=(\S*))?\s*/.exec(rest); m; m = /^--([\w-]+)(?:=(\S*))?\s*/.exec(rest)) {
    flags[m[1]!] = m[2] ?? 'true';
    rest = rest.slice(m[0].length);
  }
  return { flags, rest };
}

/** The exec (JSON array) form of a command, or null for the shell form. */
export function execForm(command: string): string[] | null {
  if (!command.startsWith('[')) return null;
  const parsed: unknown = JSON.parse(command);
  if (!Array.isArray(parsed) || !parsed.every((a) => typeof a === 'string')) throw new Error(`not a JSON array of strings: ${command}`);
  return parsed as string[];
}

/** The instructions of each stage, from its FROM to the next. */
export function stagesOf(
  instructions: Instruction[],
): { from: Instruction; name: string | null; image: string; instructions: Instruction[] }[] {
  const stages: { from: Instruction; name: string | null; image: string; instructions: Instruction[] }[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const { rest } = splitFlags(ins.args);
      const [image, as, name] = rest.split(/\s+/);
      stages.push({ from: ins, image: image!, name: as?.toUpperCase() === 'AS' ? name! : null, instructions: [] });
    } else if (stages.length > 0) {
      stages.at(-1)!.instructions.push(ins);
    } else if (ins.keyword !== 'ARG') {
      throw new Error(`line ${ins.line}: ${ins.keyword} before the first FROM`);
    }
  }
  return stages;
}
