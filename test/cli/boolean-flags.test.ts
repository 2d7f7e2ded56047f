/**
 * A boolean flag given a value (`--flips=2`) was read as true whatever the value; it must say true
 * or false, or be a field error (issue #18: bad values name the field, the value and what is allowed).
 * Oracle: the rule written out — absent/"", "true", "1" → set; "false", "0" → not set; else an error.
 */
import { parseFlags, type FlagSpec } from "@/lib/cli/args";

const SPECS: FlagSpec[] = [{ name: "sensitivity", description: "the tornado", boolean: true }, { name: "query", description: "a link" }];

test.each([
  [["--sensitivity"], true],
  [["--sensitivity="], true],
  [["--sensitivity=true"], true],
  [["--sensitivity=1"], true],
  [["--sensitivity=TRUE"], true],
  [["--sensitivity=false"], undefined],
  [["--sensitivity=0"], undefined],
])("%j sets sensitivity to %s", (argv, want) => {
  const r = parseFlags(argv, SPECS);
  expect(r.errors).toEqual([]);
  expect(r.flags.sensitivity).toBe(want);
});

test("--sensitivity=2 is a field error naming the flag, the value and what is allowed", () => {
  const r = parseFlags(["--sensitivity=2", "--query", "eps=1"], SPECS);
  expect(r.flags.sensitivity).toBeUndefined();
  expect(r.flags.query).toBe("eps=1");
  expect(r.errors).toEqual([{ field: "sensitivity", message: "--sensitivity is not a boolean", received: "2", allowed: "--sensitivity alone, or --sensitivity=true, false, 1 or 0" }]);
});
