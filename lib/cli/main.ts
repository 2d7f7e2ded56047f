/**
 * privadapt's command line: `npm run --silent cli -- <command> [--flag value ...]`.
 *
 * Contract (issue #2), relied on by people's scripts:
 * - success: exactly one JSON document on stdout, exit 0;
 * - bad input: exit 2, `{"errors":[{field, message, received, allowed}]}` on stderr, nothing on stdout;
 * - `--help` on every command prints text on stdout, exit 0.
 */
import { COMMANDS } from "./commands";

export function run(argv: readonly string[], io: { out: (s: string) => void; err: (s: string) => void }): number {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    io.out(usage());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(JSON.stringify({ errors: [{ field: "command", message: `Unknown command ${JSON.stringify(name)}`, received: name, allowed: COMMANDS.map((c) => c.name).join(", ") }] }));
    return 2;
  }
  return command.run(rest, io);
}

function usage(): string {
  return [
    "privadapt: compare private LLM adaptation methods (DP budget, cost, leakage, accuracy).",
    "",
    "usage: npm run --silent cli -- <command> [--flag value ...]",
    "",
    "commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`),
    "",
    "Each command takes --help. Output is one JSON document on stdout; bad input exits 2 with",
    "{\"errors\":[...]} on stderr.",
  ].join("\n");
}

if (require.main === module) {
  const code = run(process.argv.slice(2), { out: (s) => process.stdout.write(s + "\n"), err: (s) => process.stderr.write(s + "\n") });
  process.exitCode = code;
}
