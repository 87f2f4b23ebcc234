// Step 13's recap: the cycle's lessons, each in one sentence with the number from the step that
// showed it, computed from what this walk measured (a lesson whose number was never measured is left
// out, not filled in), and what the next cycle would do. Each sentence reads its outcome from the
// numbers: a rise or fall is said only past the noise rule the step itself used.
import { count, factor, metric, percent, threshold } from './format.ts';
import { compareAuc, type AucOn } from './noise.ts';
import { BUGGY_BATCH } from './data-claim.ts';
import { stepRef, type StepId } from './steps.ts';

export interface RecapInputs {
  /** Step 2: the labelled positive rate and the buggy batch's share of the "show" labels. */
  data?: { positiveRate: number; buggyShare: number };
  /** Step 4: the noisy model's test AUC. */
  rank?: { version: string; auc: number };
  /** Step 5: the share of "show" labels that are wrong. */
  wrong?: { share: number };
  /** Step 6: gold AUC of the noisy and relabelled models. */
  relabel?: { noisy: AucOn; relabelled: AucOn };
  /** Step 7: the relabelled model's recall at 0.5 and accuracy against the always-"don't show" dummy. */
  imbalance?: { recall: number; accuracy: number; dummy: number };
  /**
   * Step 8: the rebalanced model trained on the collected rows (NaN rows when unknown), its calibration as trained and, when
   * its scores needed it, recalibrated, and the threshold the cost ratio chose with the recall there.
   */
  fix?: { version: string; rows: number; calibration: number; recalibrated?: number; threshold: number; shown: number; recall: number };
  /** Step 9: the stale model on its old test days and on yesterday. */
  drift?: { oldTest: AucOn; yesterday: AucOn };
  /** Step 12: the CTR policy against the impressions policy. */
  business?: { outcome: 'won' | 'lost' | 'noise'; sentence: string };
}

export interface Lesson {
  /** The step that taught it. */
  step: StepId;
  text: string;
}

export interface Recap {
  lessons: Lesson[];
  next: string;
}

export function recap(r: RecapInputs): Recap {
  const lessons: Lesson[] = [];
  if (r.data && Number.isFinite(r.data.positiveRate)) {
    const bug = Number.isFinite(r.data.buggyShare) && r.data.buggyShare > 0 ? `, and ${percent(r.data.buggyShare, 1)} of the “show” labels came from one buggy batch (${BUGGY_BATCH})` : '';
    lessons.push({ step: 'data', text: `Labels are rare and not the truth: only ${percent(r.data.positiveRate)} of the candidates were labelled “show”${bug}.` });
  }
  if (r.rank && Number.isFinite(r.rank.auc)) {
    lessons.push({ step: 'train', text: `Judge the ranking first: ${r.rank.version} put a random “show” above a random “don’t show” ${percent(r.rank.auc, 1)} of the time (AUC ${metric(r.rank.auc)}).` });
  }
  if (r.wrong && Number.isFinite(r.wrong.share)) {
    lessons.push({ step: 'labels', text: `Look for wrong labels where the model errs: ${percent(r.wrong.share, 0)} of the “show” labels were wrong.` });
  }
  if (r.relabel) {
    const c = compareAuc(r.relabel.noisy, r.relabel.relabelled);
    const said =
      c.change === 'up'
        ? `fixing them raised the gold AUC from ${metric(r.relabel.noisy.auc)} to ${metric(r.relabel.relabelled.auc)}`
        : c.change === 'down'
          ? `fixing them lowered the gold AUC from ${metric(r.relabel.noisy.auc)} to ${metric(r.relabel.relabelled.auc)}`
          : `fixing them left the gold AUC within the noise (${metric(r.relabel.noisy.auc)} and ${metric(r.relabel.relabelled.auc)})`;
    lessons.push({ step: 'relabelled', text: `Measure a fix on labels you trust: ${said}.` });
  }
  if (r.imbalance && Number.isFinite(r.imbalance.accuracy)) {
    lessons.push({
      step: 'imbalance',
      text: `Accuracy hides a rare class: ${percent(r.imbalance.accuracy, 3)} against ${percent(r.imbalance.dummy, 3)} for a model that never says “show”, with recall ${percent(r.imbalance.recall, 0)} at 0.5.`,
    });
  }
  if (r.fix && Number.isFinite(r.fix.threshold)) {
    const f = r.fix;
    const cal =
      f.recalibrated !== undefined && Number.isFinite(f.recalibrated)
        ? `predicted ${factor(f.calibration)} the observed rate as trained and ${factor(f.recalibrated)} once recalibrated`
        : `predicted ${factor(f.calibration)} the observed rate`;
    const found = f.shown > 0 && Number.isFinite(f.recall) ? `it shows ${count(f.shown)} ads and finds ${percent(f.recall, 2)} of the ads worth showing` : 'it shows no ad';
    lessons.push({
      step: 'compare',
      text: `Collect more of the rare class, recalibrate, and let the cost choose the threshold: ${f.version}, ${Number.isFinite(f.rows) ? `trained on ${count(f.rows)} collected rows, ` : ''}${cal}; at the cost’s threshold ${threshold(f.threshold)} ${found}.`,
    });
  }
  if (r.drift) {
    const c = compareAuc(r.drift.oldTest, r.drift.yesterday);
    const said =
      c.change === 'down'
        ? `a model trained on days 0–44 fell from AUC ${metric(r.drift.oldTest.auc)} on its own days to ${metric(r.drift.yesterday.auc)} on yesterday`
        : `a model trained on days 0–44 read AUC ${metric(r.drift.oldTest.auc)} on its own days and ${metric(r.drift.yesterday.auc)} on yesterday, no decay past the noise`;
    lessons.push({ step: 'drift', text: `The world moves under a model: ${said}.` });
  }
  if (r.business) lessons.push({ step: 'business', text: `Choose the metric the business pays for: ${r.business.sentence}` });
  const next =
    lessons.length === 0
      ? 'Walk the steps and their lessons gather here, each with the number this walk measured.'
      : `The next cycle starts at ${stepRef('metric')} with the objective the business chose, retrains on fresh, relabelled data, sets the threshold from the cost, and watches the relationship between inputs and label, not only the inputs.`;
  return { lessons, next };
}
