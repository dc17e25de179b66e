type Metadata = Record<string, unknown> | null;

/**
 * Medusa's metadata update rule: the given keys are merged into the stored ones
 * and a key set to `""` is removed; `null` clears everything, `undefined` keeps it.
 */
export function mergeMetadata(stored: Metadata, update: Metadata | undefined): Metadata {
  if (update === undefined) return stored;
  if (update === null) return null;
  const merged: Record<string, unknown> = { ...(stored ?? {}) };
  for (const [key, value] of Object.entries(update)) {
    if (value === "") delete merged[key];
    else merged[key] = value;
  }
  return merged;
}
