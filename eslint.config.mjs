import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** What lib/ never imports: framework code (test/lib/purity.test.ts checks the same). */
const LIB_PURITY_PATTERNS = ["react", "react-dom", "react/*", "next", "next/*", "recharts", "nuqs", "nuqs/*", "@/components/*", "@/app/*"];

/** Deep imports into lib/ from the app: only the documented entries are allowed (README, "Architecture"). */
const LIB_ENTRIES_ONLY = {
  // A regex, not a gitignore-style group: a negated group entry ("!@/lib/api") would re-allow
  // everything under lib/api/ too.
  regex: "^(@/|(\\.\\./)+)lib/(?!(light|api|present/csv)$)",
  message: "Import lib/ through @/lib (the public API), @/lib/light (client-safe helpers) or @/lib/api (server-only route helpers); see README, Architecture.",
};

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "coverage/**"],
  },
  {
    // CommonJS by design: the CLI launcher runs before anything is compiled, and Jest loads
    // jest.config.js without a TypeScript loader (toolchain.md pitfall 7).
    files: ["**/*.cjs", "jest.config.js", "next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // lib/ is the pure library behind the page, the API and the CLI: keep framework code out.
    files: ["lib/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: LIB_PURITY_PATTERNS },
      ],
    },
  },
  {
    // app/ and components/ use lib/ through its public entries only (issue #16): `@/lib` (the
    // curated lib/index.ts), `@/lib/light` (run-time-import-free helpers for client components),
    // `@/lib/api` (the route handlers' server-only helpers) and `@/lib/present/csv` (loaded on
    // demand, so papaparse stays out of the first bundle). Tests may import internals.
    files: ["app/**/*.ts", "app/**/*.tsx", "components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [LIB_ENTRIES_ONLY] }],
    },
  },
  {
    // Arrows point down: app/ (routes) uses components/ and lib/; components/ never reaches back
    // up into app/ (what both need lives in lib/, e.g. lib/scenario/search-params.ts). Repeats the
    // lib/ entries rule: a later block's options replace an earlier block's for the same rule.
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [LIB_ENTRIES_ONLY, { group: ["@/app", "@/app/*", "**/app/*"], message: "components/ never imports app/." }] }],
    },
  },
  {
    // The CLI is a door like the page: it goes through lib/index.ts and lib/api only.
    files: ["lib/cli/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: LIB_PURITY_PATTERNS, message: "lib/ is pure TypeScript: no React, Next, recharts, nuqs, components/ or app/." },
            { regex: "^(\\.\\./(?!(index|api)$)|@/lib/)", message: "lib/cli imports lib/ through ../index (the public API) or ../api only." },
          ],
        },
      ],
    },
  },
];

export default config;
