// Connects the lab state to the worker. Until the lab client exists this returns null, and the
// app says honestly that nothing can be trained yet.
import type { LabPort } from './lab.svelte.ts';

/** The worker behind the LabPort interface, or null when there is none. */
export function createLabPort(): LabPort | null {
  return null;
}
