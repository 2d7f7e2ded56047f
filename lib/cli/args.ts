/**
 * A small, strict flag parser for the CLI: `--flag value` pairs only, every flag declared.
 * Errors use the same shape as the scenario codec so scripts handle one format.
 */
import type { FieldError } from "../index";

export interface FlagSpec {
  name: string;
  description: string;
  /** Takes no value (e.g. --help). */
  boolean?: boolean;
  required?: boolean;
}

export type Flags = Record<string, string | true>;

export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): { flags: Flags; errors: FieldError[] } {
  const flags: Flags = {};
  const errors: FieldError[] = [];
  const known = new Map(specs.map((s) => [s.name, s]));
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? "";
    if (arg === "-h" || arg === "--help") {
      flags.help = true;
      continue;
    }
    if (!arg.startsWith("--")) {
      errors.push({ field: arg, message: `Unexpected argument ${JSON.stringify(arg)}`, received: arg, allowed: `flags: ${specs.map((s) => `--${s.name}`).join(", ")}` });
      continue;
    }
    const eq = arg.indexOf("=");
    const name = arg.slice(2, eq > 0 ? eq : undefined);
    const spec = known.get(name);
    if (!spec) {
      errors.push({ field: name, message: `Unknown flag --${name}`, received: arg, allowed: `flags: ${specs.map((s) => `--${s.name}`).join(", ")}` });
      continue;
    }
    if (spec.boolean) {
      // `--flips` alone means true; `--flips=<value>` must say true or false, never be ignored.
      const given = eq > 0 ? arg.slice(eq + 1).trim().toLowerCase() : "";
      if (["", "true", "1"].includes(given)) flags[name] = true;
      else if (!["false", "0"].includes(given)) {
        errors.push({ field: name, message: `--${name} is not a boolean`, received: arg.slice(eq + 1), allowed: `--${name} alone, or --${name}=true, false, 1 or 0` });
      }
      continue;
    }
    const value = eq > 0 ? arg.slice(eq + 1) : argv[++i];
    if (value === undefined) {
      errors.push({ field: name, message: `--${name} needs a value`, received: null, allowed: spec.description });
      continue;
    }
    flags[name] = value;
  }
  if (!flags.help) {
    for (const s of specs) {
      if (s.required && flags[s.name] === undefined) errors.push({ field: s.name, message: `--${s.name} is required`, received: null, allowed: s.description });
    }
  }
  return { flags, errors };
}

export function helpText(command: string, summary: string, specs: readonly FlagSpec[]): string {
  const lines = [`usage: npm run --silent cli -- ${command} ${specs.filter((s) => s.required).map((s) => `--${s.name} <value>`).join(" ")} [options]`, "", summary, "", "options:"];
  for (const s of specs) lines.push(`  --${s.name}${s.boolean ? "" : " <value>"}${s.required ? " (required)" : ""}\n      ${s.description}`);
  lines.push("  --help\n      Show this help.");
  return lines.join("\n");
}
