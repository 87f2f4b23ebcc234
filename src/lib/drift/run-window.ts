// The training window a run history row shows: the run's own days when it trained on a window
// (steps 9–10), else the whole 90 days its generated dataset spans.
import { stepNumber, type StepId } from '../story/steps.ts';

/** Days a generated dataset spans when no window was chosen. */
export const FULL_DAYS: readonly [number, number] = [0, 89];

/** Roles whose models trained on a window of days: without recorded days their window is unknown. */
const WINDOW_ROLES = new Set(['stale', 'fresh']);

/** A run's training days (first, last), or null for a window model stored without them. */
export function runDays(run: { days?: readonly [number, number]; role?: string }): readonly [number, number] | null {
  return run.days ?? (run.role && WINDOW_ROLES.has(run.role) ? null : FULL_DAYS);
}

/** "days 0–44 (step 9)": a run's training days and the step that trained it ("window unknown" for a window model stored without them). */
export function runWindowLabel(run: { days?: readonly [number, number]; role?: string; step: StepId }): string {
  const d = runDays(run);
  return `${d ? `days ${d[0]}–${d[1]}` : 'window unknown'} (step ${stepNumber(run.step)})`;
}
