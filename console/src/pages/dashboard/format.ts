/** How the dashboard writes figures: grouped thousands, a dash where the API has no value yet. */
export const NO_VALUE = '—';

export const formatCount = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined
    ? NO_VALUE
    : value.toLocaleString('zh-CN', { minimumFractionDigits: 0, maximumFractionDigits: digits });

/** A share 0–1 as a percentage with one decimal, e.g. 0.6667 → 66.7. */
export const percentOf = (share: number | null | undefined) =>
  share === null || share === undefined ? null : Math.round(share * 1000) / 10;
