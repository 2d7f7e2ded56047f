/**
 * What every CLI command shares: its shape, the I/O it writes to, flag parsing with --help, and
 * the exit-2 error document. The command files import this; lib/cli/commands.ts imports the
 * command files to list them, so the imports form a tree, not a cycle (issue #16).
 */
import type { FieldError } from "../index";
import { helpText, parseFlags, type FlagSpec } from "./args";

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

/** Bad input: `{"errors":[…]}` on stderr, exit code 2. */
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
