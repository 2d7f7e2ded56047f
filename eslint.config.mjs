import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

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
        { patterns: ["react", "react-dom", "react/*", "next", "next/*", "recharts", "nuqs", "nuqs/*", "@/components/*", "@/app/*"] },
      ],
    },
  },
  {
    // Arrows point down: app/ (routes) uses components/ and lib/; components/ never reaches back
    // up into app/ (what both need lives in lib/, e.g. lib/scenario/search-params.ts).
    files: ["components/**/*.ts", "components/**/*.tsx"],
    rules: {
      "no-restricted-imports": ["error", { patterns: ["@/app", "@/app/*", "**/app/*"] }],
    },
  },
];

export default config;
