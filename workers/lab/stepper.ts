// The shape every model trainer shares, so the training loop is written once.
import type { Matrix, ModelWeights } from './model.ts';
import type { SortedSlots } from './slot-plan.ts';

/** Applies optimisation steps to one model on the current tfjs backend. */
export interface Stepper {
  /** One update on a batch whose weights sum to wsum (its slots sorted by column if known); returns its summed weighted loss, or NaN if not computed. */
  step(batch: Matrix, wsum: number, lr: number, slots?: SortedSlots): Promise<number>;
  /** The current parameters as plain arrays. */
  snapshot(): Promise<ModelWeights>;
  /** Frees every tensor the stepper holds. */
  dispose(): void;
}
