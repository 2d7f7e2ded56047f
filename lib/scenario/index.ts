export * from "./catalog";
export * from "./knobs";
export * from "./schema";
export * from "./presets";
export { parseScenario, serializeScenario, validateScenario, formatNumber, type FieldError, type FieldWarning, type ParseResult, type ScenarioInput } from "./codec";
export { VERSION_DEFAULTS, pinnedKnobs, type VersionDefaults } from "./versions";
