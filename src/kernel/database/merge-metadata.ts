import { walkInput } from "../http/walk-input";

type Metadata = Record<string, unknown> | null;

/**
 * Medusa's metadata update rule: the given keys are merged into the stored ones
 * and a key set to `""` is removed; `null` clears everything, `undefined` keeps it.
 * The merged value stays within the bounds the input edge holds one request to
 * (`INPUT_LIMITS`: 64 keys per object, 16 KB of JSON), so updates cannot grow it
 * past them one key at a time; past them is a 413 `metadata_too_large`.
 */
export function mergeMetadata(stored: Metadata, update: Metadata | undefined): Metadata {
  if (update === undefined) return stored;
  if (update === null) return null;
  const merged: Record<string, unknown> = { ...(stored ?? {}) };
  for (const [key, value] of Object.entries(update)) {
    if (value === "") delete merged[key];
    else merged[key] = value;
  }
  // Only the bounds: text already stored (before the edge existed) is not this update's fault.
  const problem = walkInput({ metadata: merged }, "body", { metadata: true });
  if (problem?.code === "metadata_too_large") throw problem;
  return merged;
}
