// Predict, then see: at the moment a step reveals its lesson, the learner first commits a guess and
// only then sees the live number beside it. Watching a demonstration teaches little on its own;
// predicting its outcome first is what makes the difference (Crouch, Fagen, Callan & Mazur, Am. J.
// Phys. 72, 2004; Miller, Lasry, Chu & Mazur, Phys. Rev. ST PER 9, 2013: students who predicted
// were about 20% more likely to report the demonstration's outcome correctly, whether or not their
// prediction was right; Kim, Reinecke & Hullman, CHI 2017, for predicting data in visualisations).
// This file is the table of predictions and how a guess is judged; no DOM.
import type { StepId } from './steps.ts';

/** A metric element a prediction hides until it is revealed (matched on the contract's attributes). */
export interface MetricMatch {
  metric: string;
  role?: string;
  split?: string;
  model?: string;
}

/** A number to guess, read as the quantity it is. */
export interface NumberInput {
  kind: 'number';
  /** How the guess is typed and read: a percent (typed 0–100), an AUC (0–1), a count. */
  unit: 'percent' | 'auc' | 'count';
  min: number;
  max: number;
  /** A guess this close to the truth (in the unit's own scale: percentage points, AUC, or a ratio for counts) counts as close. */
  close: number;
}

/** One of a few outcomes to choose; where the honest answer can be "no difference", it is a choice. */
export interface ChoiceInput {
  kind: 'choice';
  choices: readonly { id: string; label: string }[];
}

export interface PredictionSpec {
  /** The contract name (data-predict). */
  name: string;
  /** The step that asks it. */
  step: StepId;
  question: string;
  input: NumberInput | ChoiceInput;
  /** The metrics the reveal shows, hidden until then. */
  hides: readonly MetricMatch[];
}

/** The same three choices wherever a measure may rise, stay or fall. */
const DIRECTION = (up: string, same: string, down: string) =>
  [
    { id: 'up', label: up },
    { id: 'same', label: same },
    { id: 'down', label: down },
  ] as const;

/** Every prediction of the walkthrough, in story order. */
export const PREDICTIONS: readonly PredictionSpec[] = [
  {
    name: 'cross-gain',
    step: 'features',
    question: 'Will crossing the query’s category with the ad’s category raise the test AUC?',
    input: { kind: 'choice', choices: DIRECTION('Yes, clearly', 'No real difference', 'It will lower it') },
    hides: [
      { metric: 'auc', model: 'cross', split: 'validation' },
      { metric: 'auc', model: 'no-cross', split: 'validation' },
    ],
  },
  {
    name: 'accuracy',
    step: 'train',
    question: 'At the threshold shown, what share of the test candidates will the model get right (its accuracy)?',
    input: { kind: 'number', unit: 'percent', min: 0, max: 100, close: 1 },
    hides: [{ metric: 'accuracy', split: 'test' }],
  },
  {
    name: 'wrong-labels',
    step: 'labels',
    question: 'Of the rows labelled “show”, what share do you think are wrong?',
    input: { kind: 'number', unit: 'percent', min: 0, max: 100, close: 10 },
    hides: [{ metric: 'wrong_positive_share' }],
  },
  {
    name: 'relabel-gain',
    step: 'relabelled',
    question: 'Retrained on the fixed labels, will the model rank the expert-checked gold stream better?',
    input: { kind: 'choice', choices: DIRECTION('Better', 'No real difference', 'Worse') },
    hides: [{ metric: 'gold_auc', role: 'relabelled', split: 'gold' }],
  },
  {
    name: 'dummy-accuracy',
    step: 'imbalance',
    question: 'What accuracy does a model that never says “show” get?',
    input: { kind: 'number', unit: 'percent', min: 0, max: 100, close: 0.5 },
    hides: [{ metric: 'accuracy', model: 'dummy' }],
  },
  {
    name: 'who-shows',
    step: 'compare',
    question: 'At threshold 0.5, which of the three models say “show” for any ad worth showing on the gold stream?',
    input: {
      kind: 'choice',
      choices: [
        { id: 'rebalanced', label: 'Only the rebalanced one' },
        { id: 'all', label: 'All three' },
        { id: 'none', label: 'None of them' },
        { id: 'other', label: 'Another mix' },
      ],
    },
    hides: [{ metric: 'recall', split: 'gold' }],
  },
  {
    name: 'yesterday-auc',
    step: 'drift',
    question: 'On yesterday’s traffic, will the model’s AUC be higher, the same or lower than on its own old test days?',
    input: { kind: 'choice', choices: DIRECTION('Higher', 'The same, within the noise', 'Lower') },
    hides: [
      { metric: 'auc', role: 'stale', split: 'yesterday' },
      { metric: 'auc_gap', role: 'stale' },
    ],
  },
  {
    name: 'fresh-recovery',
    step: 'fresh',
    question: 'Retrained on the recent window, how much of the lost AUC will the model win back on yesterday?',
    input: {
      kind: 'choice',
      choices: [
        { id: 'all', label: 'All of it' },
        { id: 'part', label: 'Part of it' },
        { id: 'none', label: 'None: no real difference' },
        { id: 'worse', label: 'It will do worse' },
      ],
    },
    hides: [
      { metric: 'auc', role: 'fresh', split: 'yesterday' },
      { metric: 'auc_recovered', role: 'fresh' },
      { metric: 'auc_short_of_old_test', role: 'fresh' },
    ],
  },
  {
    name: 'first-alert',
    step: 'deploy',
    question: 'Serving the fortnight after yesterday, which of the monitor’s alerts will fire first?',
    input: {
      kind: 'choice',
      choices: [
        { id: 'feature_drift', label: 'Feature drift (PSI)' },
        { id: 'prediction_drift', label: 'Prediction drift' },
        { id: 'ctr_drop', label: 'CTR drop' },
        { id: 'latency', label: 'Latency' },
        { id: 'none', label: 'None' },
      ],
    },
    hides: [{ metric: 'alerts' }],
  },
  {
    name: 'live-revenue',
    step: 'business',
    question: 'Serving the impressions policy for a fortnight: against the rule-based baseline on the same requests, will its revenue rise, stay flat or fall from the first days to the last?',
    input: { kind: 'choice', choices: DIRECTION('Rise', 'Stay within the noise', 'Fall') },
    hides: [
      { metric: 'revenue', role: 'impressions_policy', split: 'last_days' },
      { metric: 'revenue_vs_baseline', split: 'last_days' },
    ],
  },
  {
    name: 'policy-winner',
    step: 'business',
    question: 'On the next fortnight, same users and requests: which policy earns more?',
    input: {
      kind: 'choice',
      choices: [
        { id: 'ctr', label: 'The CTR policy' },
        { id: 'impressions', label: 'The impressions policy' },
        { id: 'tie', label: 'Neither: within the noise' },
      ],
    },
    hides: [{ metric: 'revenue_difference' }],
  },
  {
    name: 'switch-source',
    step: 'business',
    question: 'If the CTR policy earns a different amount, where does most of the difference come from: its ad load, its click label, ranking by bid, or fresher training days?',
    input: {
      kind: 'choice',
      choices: [
        { id: 'load', label: 'The ad load' },
        { id: 'label', label: 'The click label' },
        { id: 'bids', label: 'Ranking by bid' },
        { id: 'freshness', label: 'Refitting on recent days' },
      ],
    },
    hides: [{ metric: 'arm_revenue_difference' }],
  },
];

/** What a step gives a prediction once its number is computed: the value judged against the guess, as it reads, and one sentence on why. */
export interface PredictionTruth {
  value: number | string;
  /** Other choices that are right too (alerts raised together when the same day closes). */
  also?: readonly string[];
  text: string;
  why: string;
}

/** A prediction by name. */
export function predictionOf(name: string): PredictionSpec | undefined {
  return PREDICTIONS.find((p) => p.name === name);
}

/** True when a metric element's attributes match one of the hidden metrics. */
export function hides(spec: PredictionSpec, attrs: { metric: string; role?: string | undefined; split?: string | undefined; model?: string | undefined }): boolean {
  return spec.hides.some((h) => h.metric === attrs.metric && (h.role === undefined || h.role === attrs.role) && (h.split === undefined || h.split === attrs.split) && (h.model === undefined || h.model === attrs.model));
}

/** A guess as typed: the number on the unit's own scale (a percent typed as 99.9 is 0.999), or a choice id; null if it cannot be read. */
export function parseGuess(spec: PredictionSpec, typed: string): number | string | null {
  const input = spec.input;
  if (input.kind === 'choice') return input.choices.some((c) => c.id === typed) ? typed : null;
  const x = Number(typed.trim().replace(/[,%\s]/g, ''));
  if (typed.trim() === '' || !Number.isFinite(x) || x < input.min || x > input.max) return null;
  return input.unit === 'percent' ? x / 100 : x;
}

/** How a guess stood against the truth: right (the choice, or within the close band), close (within twice it), or off. */
export type Verdict = 'right' | 'close' | 'off';

export function judge(spec: PredictionSpec, guess: number | string, truth: number | string, also: readonly string[] = []): Verdict {
  const input = spec.input;
  if (input.kind === 'choice') return guess === truth || (typeof guess === 'string' && also.includes(guess)) ? 'right' : 'off';
  if (typeof guess !== 'number' || typeof truth !== 'number' || !Number.isFinite(truth)) return 'off';
  // Percent: the band is in percentage points; AUC: in AUC; count: a ratio (1 = within a factor of 2).
  const d = input.unit === 'percent' ? Math.abs(guess - truth) * 100 : input.unit === 'auc' ? Math.abs(guess - truth) : Math.abs(Math.log2(Math.max(guess, 1e-9) / Math.max(truth, 1e-9)));
  return d <= input.close ? 'right' : d <= 2 * input.close ? 'close' : 'off';
}

/** The steps that ask for a prediction. */
export function predictionsOfStep(step: StepId): PredictionSpec[] {
  return PREDICTIONS.filter((p) => p.step === step);
}
