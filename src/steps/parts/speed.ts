// The serving speed as the link writes it ('1', '2', '5' days per second, or 'max') and as the
// serving worker takes it (days per second, 0 = as fast as possible).
import type { UrlState } from '../../lib/url/params.ts';

/** Days per second for the serving worker (0 = flat out). */
export function speedOf(p: UrlState['speed']): number {
  return p === 'max' ? 0 : Number(p);
}

/** The link's value for a speed in days per second. */
export function speedParam(v: number): UrlState['speed'] {
  return v === 0 ? 'max' : v === 1 ? '1' : v === 5 ? '5' : '2';
}
