/**
 * `estimate`: the full comparison for a share-link scenario — cost, privacy, leakage and measured
 * utility per method × model. The JSON API (`/api/v1/estimate`) returns exactly this document.
 *
 * `npm run --silent cli -- estimate --query 'preset=samsum'` prints
 * `{"canonical": "...", "scenario": {...}, "privacy": [...], "methods": {...}, "leakage": {...}, "rows": [...], "breakEven": [...], "skipped": [...], "decision": {...}, "rederive": {...}, "warnings": [...]}`
 * (`--flips` fills `decision.flips`, `--sensitivity` `decision.sensitivity`):
 * the wire form of lib/api/wire.ts, where what rows share is said once and referenced by method or provider id.
 */
import { estimateJson } from "../api";
import { estimateFromInput, withFlips, withSensitivity } from "../index";
import { fail, withFlags, type Command } from "./command";

export const estimateCommand: Command = {
  name: "estimate",
  summary: "Cost, privacy, leakage and measured accuracy of every selected method × model.",
  flags: [
    { name: "query", description: "A share-link query string, e.g. 'preset=samsum&eps=3' (default: the default scenario).", required: false },
    { name: "batched", description: "Serve local open models in large batches instead of one query at a time.", boolean: true },
    { name: "original-code-calls", description: "Add the extra API calls of the methods' original code (calibration, final keyword call, public-token calls).", boolean: true },
    { name: "flips", description: "Fill decision.flips: thresholds at which the answer changes, by bisection on the same engine (tens of estimates: seconds).", boolean: true },
    { name: "sensitivity", description: "Fill decision.sensitivity: the answer's total cost at each end of each input's range, and the answer there (the page's tornado chart; about a dozen estimates).", boolean: true },
  ],
  run(argv, io) {
    const flags = withFlags(this, argv, io);
    if (typeof flags === "number") return flags;
    const extra = flags["original-code-calls"] === true;
    const options = {
      serving: flags.batched === true ? "batched" : "sequential",
      ...(extra ? { calibrationCalls: true, finalKeywordCall: true, publicTokenCalls: true } : {}),
    } as const;
    const result = estimateFromInput(typeof flags.query === "string" ? flags.query : "", options);
    if (!result.ok) return fail(io, result.errors);
    const flips = flags.flips === true;
    const est = flags.sensitivity === true ? withSensitivity(result.estimate, options, flips) : flips ? withFlips(result.estimate, options) : result.estimate;
    io.out(estimateJson(est));
    return 0;
  },
};
