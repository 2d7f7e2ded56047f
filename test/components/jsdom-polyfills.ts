/**
 * jsdom lacks TextEncoder/TextDecoder, which gpt-tokenizer needs; the browser has them.
 * Import this first in a component test.
 */
import { TextDecoder, TextEncoder } from "node:util";

const g = globalThis as unknown as { TextDecoder?: unknown; TextEncoder?: unknown };
g.TextDecoder ??= TextDecoder;
g.TextEncoder ??= TextEncoder;
