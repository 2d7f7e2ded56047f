/**
 * Jest transform: Next's SWC transform (next/jest), then one line that binds the built-in globals
 * each project module uses to module constants. Test-only; the code that runs in Node, Next and
 * the browser is untouched.
 *
 * Why: Jest runs every test file in a vm context, where each lookup of a global name goes through
 * the context's global proxy (an interceptor call, not an inline cache). Measured in this repo's
 * Jest on 2026-12-03: `Number.isNaN(x)` in a loop costs ~220 ns a call against ~2 ns with a module
 * constant, and `Infinity` ~285 ns. The engine's hot loops (lib/privacy/rdp.ts
 * epsilonFromScaledRdp, special-functions.ts logErfc, …) read such globals millions of times, so
 * estimate() ran about 2× slower under Jest than under tsx (200 random RDP scenarios: 17.3 s vs
 * 8.7 s of CPU). lib/ already binds `Math` and `Infinity` by hand in its hottest modules
 * (commit a32f6fd); this does the same for every module, without editing them.
 *
 * What it inserts, after the "use strict" directive and on the same line (line numbers and
 * source maps below line 1 are unchanged):
 *   const Number = globalThis.Number, Math = globalThis.Math, …;
 * — the very same objects, so behaviour is identical. Only built-ins that tests never replace are
 * bound (not Date, timers, fetch, performance, console: fake timers and mocks swap those on the
 * global object, and a module constant would keep the original). A name the module itself
 * declares or assigns anywhere (`const { isFinite } = …`, `let Map = …`) is left alone, so the
 * line can never clash with the module's own declarations.
 *
 * node_modules are left alone, except the packages in BOUND_PACKAGES, which the engine runs in hot
 * loops (jest.config.js lets Jest transform them): fft.js's constructor reads `Math.PI`, `Math.cos`
 * and `Math.sin` once per table entry (2^18 entries for the PRV accountant's larger grids), which
 * under Jest's global proxy made `new FFT(n)` ~20× slower than in Node (measured 2026-12-03: it
 * was 29% of test/leakage/deployment-properties.test.ts's CPU). Their source is plain CommonJS,
 * so it gets the binding line and nothing else (no SWC pass).
 */
const { createHash } = require("node:crypto");
const { readFileSync } = require("node:fs");

const GLOBALS = [
  "Math", "Number", "NaN", "Infinity", "Object", "Array", "String", "Boolean", "Symbol", "JSON", "RegExp",
  "Map", "Set", "WeakMap", "WeakSet", "Float64Array", "Float32Array", "Int32Array", "Uint8Array", "Uint32Array",
  "isFinite", "isNaN", "parseFloat", "parseInt",
];

const SELF = readFileSync(__filename);

/** Packages under node_modules whose files get the binding line too (see above and jest.config.js). */
const BOUND_PACKAGES = ["fft.js"];
const BOUND_PACKAGE_FILE = new RegExp(`[\\\\/]node_modules[\\\\/](?:${BOUND_PACKAGES.map((p) => p.replace(/\./g, "\\.")).join("|")})[\\\\/]`);

/** True when the module declares, destructures or assigns `name` itself (then it is not bound). */
function ownsName(code, name) {
  const declared = new RegExp(`\\b(?:const|let|var|class|function\\*?)\\s+${name}\\b`);
  // `{ isFinite }`, `[Map] =`, `Map = …`, `{ a: Number }`: the name followed by `,` `}` `]` or a lone `=`.
  const bound = new RegExp(`(?<![.\\w$])${name}\\s*(?:[,}\\]]|=(?![=>]))`);
  return declared.test(code) || bound.test(code);
}

/** `code` with the globals it reads bound to module constants right after its directive prologue. */
function bindGlobals(code) {
  const names = GLOBALS.filter((n) => new RegExp(`(?<![.\\w$])${n}\\b`).test(code) && !ownsName(code, n));
  if (names.length === 0) return code;
  const line = `const ${names.map((n) => `${n} = globalThis.${n}`).join(", ")};`;
  const prologue = /^(\s*(?:\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*)(["']use strict["'];?)/.exec(code);
  if (prologue) {
    const end = prologue[0].length;
    return `${code.slice(0, end)} ${line}${code.slice(end)}`;
  }
  return `${line} ${code}`;
}

module.exports = {
  bindGlobals,
  BOUND_PACKAGES,
  createTransformer(options) {
    const next = require(options.nextTransformer).createTransformer(options.nextOptions);
    return {
      canInstrument: false,
      getCacheKey(source, filename, transformOptions) {
        return createHash("sha256")
          .update(SELF).update("\0").update(source).update("\0").update(filename).update("\0")
          .update(transformOptions.configString).update("\0").update(String(transformOptions.instrument))
          .digest("hex");
      },
      process(source, filename, transformOptions) {
        if (BOUND_PACKAGE_FILE.test(filename)) return { code: bindGlobals(source) };
        const out = next.process(source, filename, transformOptions);
        if (/[\\/]node_modules[\\/]/.test(filename)) return out;
        return { ...out, code: bindGlobals(out.code) };
      },
    };
  },
};
