// Words for steps 9–10: readable names of the drift report's columns and measures, and a list
// joiner for sentences ("device, query category and their cross").
import { MEASURES } from '../drift/measures.ts';

/** Readable names of the report's columns. */
export const FEATURE_NAME: Record<string, string> = {
  query_category: 'query category',
  ad_category: 'ad category',
  device: 'device',
  hour: 'hour of day',
  intent: 'commercial intent',
  quality: 'ad quality',
  bid: 'bid',
  category_cross: 'query × ad category',
  target: 'target (share worth showing)',
  prediction: 'prediction (log₁₀ of the probability)',
  positives_cross: 'where the positives are (query × ad category)',
};

/** Readable names of the measures (from the measures table). */
export const MEASURE_NAME: Record<string, string> = Object.fromEntries(Object.entries(MEASURES).map(([k, m]) => [k, m.name]));

/** Short names for compact rows. */
export const MEASURE_SHORT: Record<string, string> = Object.fromEntries(Object.entries(MEASURES).map(([k, m]) => [k, m.short]));

/** "a", "a and b", "a, b and c". */
export function joinWords(items: string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** The readable name of a column. */
export function featureName(name: string): string {
  return FEATURE_NAME[name] ?? name.replace(/_/g, ' ');
}
