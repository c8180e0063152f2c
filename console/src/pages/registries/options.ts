/** Select options from a label map (value → Chinese label). */
export const optionsOf = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, label]) => ({ value, label }));

/** A text field left empty is sent as null: the hub clears it. */
export const orNull = (value: string | undefined | null) => (value?.trim() ? value.trim() : null);
