/** @jest-environment node */
/**
 * `npm start` and `npm run dev` serve on the port in $PORT, 3000 when it is unset (README.md,
 * "Quick start"), e.g. `PORT=8080 npm start`.
 *
 * Oracle: Next's own command line, node_modules/next/dist/bin/next, which declares the port option
 * of `next start` and `next dev` as `-p, --port` with `.default(3000).env('PORT')`. Under
 * commander's precedence (command-line flag > environment > default) a `-p 3000` in the script
 * would override PORT, which is what the scripts did; so they must pass no port at all.
 * Checked by hand on 2026-12-03: `PORT=3457 npm run dev` printed "Local: http://localhost:3457"
 * and listened on 3457.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

const root = path.join(__dirname, "../..");
const scripts = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
const nextCli = readFileSync(path.join(root, "node_modules/next/dist/bin/next"), "utf8");

/** The source of one `program.command(name)` declaration in Next's CLI, up to the next command. */
function commandSource(name: string): string {
  // `program.command('start')`, or `program.command('dev', { isDefault: true })`.
  const start = nextCli.search(new RegExp(`program\\.command\\('${name}'[,)]`));
  if (start < 0) throw new Error(`next's CLI declares no '${name}' command`);
  const end = nextCli.indexOf("program.command(", start + 1);
  return nextCli.slice(start, end < 0 ? undefined : end);
}

describe.each([["start", "start"], ["dev", "dev"]])("npm run %s", (script, command) => {
  test(`runs \`next ${command}\` without a port flag, so PORT applies`, () => {
    const line = scripts[script] ?? "";
    expect(line).toMatch(new RegExp(`(^|\\s)next ${command}(\\s|$)`));
    expect(line).not.toMatch(/(^|\s)(-p|--port)(\s|=|$)/);
  });

  test(`\`next ${command}\` reads its port from PORT, default 3000`, () => {
    expect(commandSource(command)).toMatch(/new _commander\.Option\('-p, --port <port>'[^)]*\)\.argParser\([^)]*\)\.default\(3000\)\.env\('PORT'\)/);
  });
});
