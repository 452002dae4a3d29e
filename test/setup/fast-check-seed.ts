/**
 * Every fast-check property in `npm test` runs on one fixed seed, so a green run is green every
 * time. `npm run properties -- --seed=random` (scripts/properties.mjs) explores fresh seeds and
 * replays a given one through KUSTOMER_FC_SEED; a failure report from fast-check also prints the
 * seed and path to replay.
 */
import fc from "fast-check";

/** The seed `npm test` uses when none is given. */
export const DEFAULT_FC_SEED = 20261123;

const fromEnv = process.env.KUSTOMER_FC_SEED;
const seed = fromEnv !== undefined && /^-?\d{1,10}$/.test(fromEnv) ? Number(fromEnv) | 0 : DEFAULT_FC_SEED;

fc.configureGlobal({ seed });
