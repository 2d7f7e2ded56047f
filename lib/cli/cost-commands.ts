/**
 * `costs`: the cost engine on a share-link scenario.
 *
 * `npm run --silent cli -- costs --query 'preset=samsum'` prints one JSON document:
 * `{"canonical": "...", "scenario": {...}, "rows": [...], "breakEven": [...], "skipped": [...]}`.
 * Bad input exits 2 with the codec's field errors on stderr (the CLI contract of lib/cli/main.ts).
 */
import { estimateCosts, parseScenario, serializeScenario } from "../index";
import { fail, withFlags, type Command } from "./command";

export const costsCommand: Command = {
  name: "costs",
  summary: "Training, query and total cost of every selected method × model, with break-even query volumes.",
  flags: [
    { name: "query", description: "A share-link query string, e.g. 'preset=samsum&queries=100000' (default: the default scenario).", required: false },
    { name: "batched", description: "Serve local open models in large batches instead of one query at a time (the study's measurements).", boolean: true },
    { name: "original-code-calls", description: "Add the extra calls of the methods' original code (calibration, final keyword call, public-token calls).", boolean: true },
  ],
  run(argv, io) {
    const flags = withFlags(this, argv, io);
    if (typeof flags === "number") return flags;
    const parsed = parseScenario(typeof flags.query === "string" ? flags.query : "");
    if (!parsed.ok) return fail(io, parsed.errors);
    const extra = flags["original-code-calls"] === true;
    const { rows, breakEven, skipped } = estimateCosts(parsed.scenario, {
      serving: flags.batched === true ? "batched" : "sequential",
      ...(extra ? { calibrationCalls: true, finalKeywordCall: true, publicTokenCalls: true } : {}),
    });
    io.out(JSON.stringify({ canonical: serializeScenario(parsed.scenario), scenario: parsed.scenario, rows, breakEven, skipped }));
    return 0;
  },
};
