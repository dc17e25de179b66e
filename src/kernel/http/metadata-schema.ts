import { z } from "zod";

/**
 * A `metadata` field of a body: an object of any keys and values, `null` to
 * clear it, or left out. The one schema every route uses for it; services
 * merge it into the stored metadata with `mergeMetadata` (a key set to `""` is
 * removed, `null` clears all) or store it as given on create.
 */
export const metadata = z.record(z.string(), z.unknown()).nullable().optional();
