/**
 * CLI commands. Each one parses its flags, calls lib/index.ts, and prints one JSON document.
 * Later issues add commands here (epsilon, sigma, budget, estimate).
 */
import { parseScenario, serializeScenario, type FieldError } from "../index";
import { helpText, parseFlags, type FlagSpec } from "./args";
import { costsCommand } from "./cost-commands";
import { estimateCommand } from "./estimate-command";
import { PRIVACY_COMMANDS } from "./privacy-commands";

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface Command {
  name: string;
  summary: string;
  flags: readonly FlagSpec[];
  run: (argv: readonly string[], io: Io) => number;
}

export function fail(io: Io, errors: FieldError[]): number {
  io.err(JSON.stringify({ errors }));
  return 2;
}

/** Parse flags, handle --help and flag errors; returns the flags or the exit code to return. */
export function withFlags(command: Omit<Command, "run">, argv: readonly string[], io: Io): Record<string, string | true> | number {
  const { flags, errors } = parseFlags(argv, command.flags);
  if (flags.help) {
    io.out(helpText(command.name, command.summary, command.flags));
    return 0;
  }
  if (errors.length > 0) return fail(io, errors);
  return flags;
}

const QUERY_FLAG: FlagSpec = { name: "query", description: "A share-link query string, e.g. 'n=5000&eps=3' (default: the default scenario).", required: false };

const scenarioCommand: Command = {
  name: "scenario",
  summary: "Validate a share-link query string; print its canonical form and the full scenario.",
  flags: [QUERY_FLAG],
  run(argv, io) {
    const flags = withFlags(this, argv, io);
    if (typeof flags === "number") return flags;
    const query = typeof flags.query === "string" ? flags.query : "";
    const parsed = parseScenario(query);
    if (!parsed.ok) return fail(io, parsed.errors);
    io.out(JSON.stringify({ canonical: serializeScenario(parsed.scenario), scenario: parsed.scenario, warnings: parsed.warnings }));
    return 0;
  },
};

export const COMMANDS: Command[] = [scenarioCommand, estimateCommand, costsCommand, ...PRIVACY_COMMANDS];
