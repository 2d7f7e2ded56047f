import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", "node_modules/**", "next-env.d.ts", "test-results/**", "playwright-report/**", "coverage/**"],
  },
  {
    // The CLI launcher is plain CommonJS that runs before anything is compiled.
    files: ["**/*.cjs"],
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
];

export default config;
