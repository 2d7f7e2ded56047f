/**
 * Re-derive it yourself (issue #18). Public surface of lib/rederive.
 */
export { PYTHON_DEFAULT_ORDERS, dpAccountingEvent, pythonNumber, rederiveFor, sgmArguments, sgmSnippets, type Rederive, type SgmArguments, type Snippet } from "./snippets";
