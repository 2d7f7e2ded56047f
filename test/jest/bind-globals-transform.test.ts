/** @jest-environment node */
/**
 * test/jest/bind-globals-transform.cjs: the line it adds binds the same built-ins the module would
 * have read, never clashes with the module's own names, and leaves every other line where it was.
 * Oracles: the ECMAScript rule that a name declared twice in one scope is a SyntaxError (so a
 * clash would make `new Function` throw), hand-written inputs and their expected outputs, and
 * evaluation of the rewritten code against the original.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bindGlobals } = require("./bind-globals-transform.cjs") as { bindGlobals: (code: string) => string };

describe("bindGlobals", () => {
  test("binds the globals read, after the directive and on its line", () => {
    const code = '"use strict";\nconst a = Number.isNaN(x) ? Infinity : Math.max(x, 1);\n';
    expect(bindGlobals(code)).toBe('"use strict"; const Math = globalThis.Math, Number = globalThis.Number, Infinity = globalThis.Infinity;\nconst a = Number.isNaN(x) ? Infinity : Math.max(x, 1);\n');
  });

  test("keeps a leading comment and the directive first, so the module stays strict", () => {
    const out = bindGlobals('/* licence */ "use strict";\nmodule.exports = NaN;\n');
    expect(out.startsWith('/* licence */ "use strict"; const NaN = globalThis.NaN;')).toBe(true);
  });

  test("a module that reads none of them is unchanged", () => {
    const code = '"use strict";\nmodule.exports = 1 + 2;\n';
    expect(bindGlobals(code)).toBe(code);
  });

  test("names the module declares, destructures or assigns are left alone", () => {
    for (const code of [
      '"use strict";\nconst { isFinite } = Number;\nmodule.exports = isFinite(3);\n',
      '"use strict";\nlet Map = null;\nMap = 1;\nmodule.exports = Map;\n',
      '"use strict";\nfunction Set() {}\nmodule.exports = Set;\n',
      '"use strict";\nconst { a: Infinity } = { a: 1 };\nmodule.exports = Infinity;\n',
    ]) {
      const out = bindGlobals(code);
      // A clash would be a SyntaxError here ("Identifier has already been declared").
      expect(() => new Function("module", out)).not.toThrow();
    }
    expect(bindGlobals('"use strict";\nconst { isFinite } = Number;\n')).toBe('"use strict"; const Number = globalThis.Number;\nconst { isFinite } = Number;\n');
  });

  test("the rewritten code computes what the original computes", () => {
    const code = '"use strict";\nconst xs = [NaN, Infinity, -0, 1.5];\nmodule.exports = JSON.stringify(xs.map((x) => [Number.isNaN(x), isFinite(x), Math.sign(x), Object.is(x, -0), new Map([[x, 1]]).size, Array.isArray(xs)]));\n';
    const run = (src: string) => {
      const mod = { exports: undefined as unknown };
      new Function("module", src)(mod);
      return mod.exports;
    };
    expect(run(bindGlobals(code))).toBe(run(code));
    expect(bindGlobals(code).split("\n").length).toBe(code.split("\n").length);
  });

  test("every module of lib/ and components/, compiled as Jest compiles it, still parses (no clash anywhere)", () => {
    const root = path.join(__dirname, "../..");
    // The wrapper around next/jest's SWC transform, as jest.config.js sets it up (Next's options
    // only rewrite import paths, which does not matter for parsing).
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const transformer = (require("./bind-globals-transform.cjs") as { createTransformer: (o: unknown) => { process: (src: string, file: string, opts: unknown) => { code: string } } })
      .createTransformer({ nextTransformer: require.resolve("next/dist/build/swc/jest-transformer"), nextOptions: {} });
    const files = ["lib", "components"].flatMap((dir) => (readdirSync(path.join(root, dir), { recursive: true }) as string[]).filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(root, dir, f)));
    expect(files.length).toBeGreaterThan(50);
    let bound = 0;
    for (const file of files) {
      const { code } = transformer.process(readFileSync(file, "utf8"), file, { config: { testEnvironment: "node", extensionsToTreatAsEsm: [] } });
      if (code.includes("= globalThis.")) bound++;
      // Compiles the module body as Node's CommonJS wrapper would; a clash is a SyntaxError.
      expect(() => new Function("exports", "require", "module", "__filename", "__dirname", code)).not.toThrow();
    }
    expect(bound).toBeGreaterThan(files.length / 2);
    // Under this transform `Number` in this very file is a module constant holding the global.
    expect(Number).toBe(globalThis.Number);
  });
});

describe("packages bound too (BOUND_PACKAGES: fft.js, the PRV accountant's FFT)", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require("./bind-globals-transform.cjs") as { BOUND_PACKAGES: string[]; createTransformer: (o: unknown) => { process: (src: string, file: string, opts: unknown) => { code: string } } };
  const fftFile = require.resolve("fft.js");

  test("under this Jest config fft.js is loaded through the wrapper: it reads Math from its module constant", () => {
    // Oracle: a module that got the binding line captured the real Math when it loaded; one that did
    // not reads the global at each call. So swap the global for a fake after loading and build an FFT.
    expect(mod.BOUND_PACKAGES).toEqual(["fft.js"]);
    let Fft: (new (n: number) => { table: number[] }) | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      Fft = require("fft.js");
    });
    const real = globalThis.Math;
    let table: number[];
    try {
      globalThis.Math = { ...Object.fromEntries(Object.getOwnPropertyNames(real).map((k) => [k, (real as unknown as Record<string, unknown>)[k]])), cos: () => 7, sin: () => 7 } as unknown as Math;
      table = new Fft!(8).table;
    } finally {
      globalThis.Math = real;
    }
    expect(table[0]).toBe(1); // cos 0, not the fake's 7
    expect(table[2]).toBe(Math.cos(Math.PI / 4));
  });

  test("fft.js gets the binding line (no SWC pass) and builds the very same FFT", () => {
    const source = readFileSync(fftFile, "utf8");
    const transformer = mod.createTransformer({ nextTransformer: require.resolve("next/dist/build/swc/jest-transformer"), nextOptions: {} });
    const { code } = transformer.process(source, fftFile, { config: { testEnvironment: "node", extensionsToTreatAsEsm: [] } });
    expect(code).toBe(bindGlobals(source));
    expect(code.split("\n")[0]).toContain("const Math = globalThis.Math");
    expect(code.split("\n").length).toBe(source.split("\n").length);
    type Fft = { table: number[]; createComplexArray(): number[]; transform(out: number[], data: number[]): void };
    const load = (src: string) => {
      const m = { exports: {} as unknown };
      new Function("module", "exports", src)(m, m.exports);
      return m.exports as new (n: number) => Fft;
    };
    const [Bound, Plain] = [load(code), load(source)];
    const [a, b] = [new Bound(1024), new Plain(1024)];
    expect(a.table.length).toBe(2048);
    expect(a.table.every((x, i) => Object.is(x, b.table[i]))).toBe(true);
    const input = a.createComplexArray().map((_, i) => Math.sin(i * 0.37) + (i % 7));
    const [outA, outB] = [a.createComplexArray(), b.createComplexArray()];
    a.transform(outA, input);
    b.transform(outB, input);
    expect(outA.every((x, i) => Object.is(x, outB[i]))).toBe(true);
  });
});
