/**
 * @jest-environment node
 *
 * Invariants over random valid scenarios (issue #14, "make the class impossible"): no row of any
 * estimate states a claim its own numbers contradict. The checks and their oracles are in
 * ./claims.ts; the 2,000-scenario run is split into four files (./claims-random.ts), this is
 * shard 2.
 */
import { checkRandomClaims, shardTitle } from "./claims-random";

test(shardTitle(1), () => checkRandomClaims(1));
