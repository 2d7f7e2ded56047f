const nextJest = require("next/jest");

const createJestConfig = nextJest({ dir: "./" });

/** @type {import('jest').Config} */
const config = {
  testEnvironment: "jsdom",
  setupFilesAfterEnv: ["<rootDir>/jest.setup.ts"],
  testPathIgnorePatterns: ["<rootDir>/node_modules/", "<rootDir>/.next/", "<rootDir>/test/e2e/", "<rootDir>/test/bench/"],
  // One worker per core. Jest's default is cores − 1 (for its own main process, which only
  // schedules and reports), which on this project's 2-core machines meant one worker: the whole
  // suite ran file after file on one core. `--maxWorkers=1` on the command line still wins.
  maxWorkers: "100%",
};

/**
 * next/jest's SWC transform, wrapped by test/jest/bind-globals-transform.cjs so that project modules
 * read built-ins (Number, Infinity, …) from module constants instead of through the vm context's
 * global proxy (~100× slower a lookup under Jest; see that file).
 */
module.exports = async () => {
  const resolved = await createJestConfig(config)();
  const transform = {};
  for (const [pattern, entry] of Object.entries(resolved.transform)) {
    const [path, options] = Array.isArray(entry) ? entry : [entry, {}];
    transform[pattern] = /[\\/]next[\\/]dist[\\/]build[\\/]swc[\\/]jest-transformer\.js$/.test(path)
      ? ["<rootDir>/test/jest/bind-globals-transform.cjs", { nextTransformer: path, nextOptions: options }]
      : entry;
  }
  // Let Jest hand the packages the wrapper binds (BOUND_PACKAGES) to the transform: next/jest's
  // transformIgnorePatterns skip node_modules except a list of its own, in the first pattern.
  const { BOUND_PACKAGES } = require("./test/jest/bind-globals-transform.cjs");
  const transformIgnorePatterns = resolved.transformIgnorePatterns.map((pattern) =>
    pattern.startsWith("/node_modules/(?!.pnpm)(?!(")
      ? pattern.replace("(?!(", `(?!(${BOUND_PACKAGES.map((p) => p.replace(/\./g, "\\.")).join("|")}|`)
      : pattern);
  if (transformIgnorePatterns.every((p, i) => p === resolved.transformIgnorePatterns[i])) {
    throw new Error("jest.config.js: next/jest's transformIgnorePatterns changed shape; update the BOUND_PACKAGES exemption");
  }
  return { ...resolved, transform, transformIgnorePatterns };
};
