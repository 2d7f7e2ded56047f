/**
 * CLI commands. Each one parses its flags, calls lib/index.ts, and prints one JSON document.
 * This file lists them; what they share is in ./command (which they import, not this file).
 */
import { parseScenario, serializeScenario } from "../index";
import type { FlagSpec } from "./args";
import { fail, withFlags, type Command } from "./command";
import { costsCommand } from "./cost-commands";
import { estimateCommand } from "./estimate-command";
import { PRIVACY_COMMANDS } from "./privacy-commands";

export { fail, withFlags, type Command, type Io } from "./command";

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
