// The story as data: the 13 steps of the ad-click production cycle. Each entry sets its whole
// scene (which panels and controls are open, which URL parameters change its results), so a step
// can be entered in any order, by a link or by Back.
import type { ParamName } from '../url/params.ts';
import type { Phase, Skill } from './phases.ts';

/** Panels a step's bench can show. */
export type Panel =
  | 'marketplace'
  | 'policy'
  | 'generate'
  | 'datacard'
  | 'sample'
  | 'features'
  | 'feature-trials'
  | 'train'
  | 'loss'
  | 'curves'
  | 'confusion'
  | 'metrics'
  | 'slices'
  | 'suspects'
  | 'relabel'
  | 'compare'
  | 'skew'
  | 'collect'
  | 'recalibration'
  | 'operating'
  | 'models'
  | 'stale'
  | 'per-day'
  | 'drift-report'
  | 'window'
  | 'fresh'
  | 'freshness'
  | 'deploy'
  | 'serving'
  | 'monitoring'
  | 'business'
  | 'history'
  | 'pending';

/** What entering a step opens. */
export interface Scene {
  /** Bench panels, top to bottom. */
  panels: Panel[];
  /** URL parameters shown as controls on this step. */
  controls: ParamName[];
  /** URL parameters whose values change what this step computes. */
  params: ParamName[];
  /** What the step needs from the lab before it can show results. */
  needs: 'nothing' | 'dataset' | 'model';
  /** The settings panel the layout draws at the top of the bench: its name and its knobs (a subset of controls). */
  settings?: { label: string; knobs: ParamName[] };
  /** What the lab worker would do here, said when it is not connected (the layout then shows no bench). */
  waiting?: string;
}

/** One step of the story. */
export interface StoryStep {
  /** 1…13. */
  n: number;
  title: string;
  /** Phases, the main one first. */
  phases: Phase[];
  skills: Skill[];
  /** The question the step answers. */
  question: string;
  /** What the learner does here. */
  todo: string;
  scene: Scene;
  /** For steps not built yet: what will build them. */
  plannedIn?: string;
}

const WORLD: ParamName[] = ['seed', 'rows', 'skew', 'noise', 'drift'];
const TRAINING: ParamName[] = ['features', 'buckets', 'model', 'hidden', 'epochs', 'batch', 'lr', 'backend'];

/** A step whose bench is built by a later issue. */
function pending(n: number, title: string, phases: Phase[], skills: Skill[], question: string, todo: string, plannedIn: string): StoryStep {
  return {
    n,
    title,
    phases,
    skills,
    question,
    todo,
    scene: { panels: ['pending'], controls: [], params: [], needs: 'nothing' },
    plannedIn,
  };
}

/** The 13 steps, in order. */
export const STEPS: readonly StoryStep[] = [
  {
    n: 1,
    title: 'Choose a metric: impressions',
    phases: ['scoping'],
    skills: ['Prod', 'SME'],
    question: 'What should the ad system optimise?',
    todo: 'Look at the marketplace and the baseline policy, then pick the objective the team will chase: impressions.',
    scene: { panels: ['marketplace', 'policy'], controls: ['objective'], params: ['seed', 'skew', 'drift', 'objective'], needs: 'nothing' },
  },
  {
    n: 2,
    title: 'Collect data, obtain labels',
    phases: ['data'],
    skills: ['Databases', 'Systems', 'SME'],
    question: 'What does a labelled log of ad candidates look like?',
    todo: 'Generate 90 days of (query, ad) candidates with "should show" labels; read the data card, the class balance and sample rows.',
    scene: {
      panels: ['generate', 'datacard', 'sample'],
      controls: ['rows', 'skew', 'noise', 'drift'],
      params: WORLD,
      needs: 'dataset',
      settings: { label: 'World settings', knobs: ['rows', 'skew', 'noise', 'drift'] },
      waiting: 'generate the data',
    },
  },
  {
    n: 3,
    title: 'Engineer features',
    phases: ['data', 'modeldev'],
    skills: ['ML', 'SME', 'Databases'],
    question: 'Which features let a model learn what is relevant?',
    todo: 'Switch feature groups on and off, try each set with a quick logistic regression, and compare validation AUC.',
    scene: {
      panels: ['features', 'feature-trials'],
      controls: ['features', 'buckets'],
      params: [...WORLD, 'features', 'buckets'],
      needs: 'dataset',
      settings: { label: 'Feature settings', knobs: ['features', 'buckets'] },
      waiting: 'train the quick logistic regressions',
    },
  },
  {
    n: 4,
    title: 'Train',
    phases: ['modeldev'],
    skills: ['ML', 'Algo', 'Systems'],
    question: 'How good is the first model, and how do we know?',
    todo: 'Choose a model and its training settings, press Train, watch the validation loss epoch by epoch, then read the curves, the calibration and the confusion matrix.',
    scene: {
      panels: ['train', 'loss', 'metrics', 'curves', 'confusion'],
      controls: ['model', 'hidden', 'epochs', 'batch', 'lr', 'threshold'],
      params: [...WORLD, ...TRAINING, 'threshold'],
      needs: 'model',
      settings: { label: 'Training settings', knobs: ['model', 'hidden', 'epochs', 'batch', 'lr'] },
      waiting: 'train the model',
    },
  },
  {
    n: 5,
    title: 'Error analysis → wrong labels → relabel',
    phases: ['modeldev', 'data'],
    skills: ['ML', 'Stats', 'SME'],
    question: 'Where is the model wrong, and is it the model or the labels?',
    todo: 'Read the errors by slice, find suspected label errors with out-of-fold predictions (Find suspects), look at the rows, and pay the expert to relabel (Relabel).',
    scene: { panels: ['slices', 'suspects', 'relabel'], controls: [], params: [...WORLD, ...TRAINING], needs: 'model' },
  },
  {
    n: 6,
    title: 'Train again',
    phases: ['modeldev'],
    skills: ['ML', 'Algo'],
    question: 'Do fixed labels give a better model?',
    todo: 'Retrain on the relabelled data (Train) and compare it with the noisy-label model on the gold set, slice by slice.',
    scene: { panels: ['train', 'compare', 'slices'], controls: [], params: [...WORLD, ...TRAINING], needs: 'model' },
  },
  {
    n: 7,
    title: 'Error analysis → how often does the model say “show”?',
    phases: ['modeldev', 'data'],
    skills: ['ML', 'Stats', 'Databases'],
    question: 'Is near-perfect accuracy worth anything here?',
    todo: 'Compare the model with a dummy that never says "show", move the skew slider, then collect more show-worthy data (Collect more data) and recalibrate.',
    scene: {
      panels: ['metrics', 'skew', 'curves', 'collect', 'recalibration', 'operating'],
      controls: ['skew', 'skew_lab', 'keep', 'upweight', 'pos_weight', 'cost_ratio'],
      params: [...WORLD, ...TRAINING, 'skew_lab', 'keep', 'upweight', 'pos_weight', 'cost_ratio'],
      needs: 'model',
    },
  },
  {
    n: 8,
    title: 'Train again',
    phases: ['modeldev'],
    skills: ['ML', 'Algo'],
    question: 'Does the rebalanced model find the ads worth showing?',
    todo: 'Train on the collected data (Train) and compare the three story models: noisy labels, relabelled, rebalanced.',
    scene: { panels: ['train', 'models', 'operating'], controls: ['threshold', 'cost_ratio'], params: [...WORLD, ...TRAINING, 'threshold', 'cost_ratio'], needs: 'model' },
  },
  {
    n: 9,
    title: 'Old test data against yesterday’s → drift?',
    phases: ['monitoring', 'data'],
    skills: ['Stats', 'ML', 'Systems'],
    question: 'Does a good model get worse as the days go by?',
    todo: 'Measure the model trained on the first 45 days on its own test days and on yesterday, evaluate it day by day, and open the drift report.',
    scene: {
      panels: ['stale', 'per-day', 'drift-report'],
      controls: ['drift'],
      params: ['seed', 'skew', 'noise', 'drift'],
      needs: 'nothing',
      settings: { label: 'World settings', knobs: ['drift'] },
      waiting: 'evaluate the model',
    },
  },
  {
    n: 10,
    title: 'Train again on recent data',
    phases: ['modeldev'],
    skills: ['ML', 'Systems'],
    question: 'How fresh must the training data be?',
    todo: 'Choose a training window on the timeline, retrain, compare the fresh model with the stale one on yesterday, and draw the freshness chart.',
    scene: {
      panels: ['window', 'fresh', 'freshness'],
      controls: ['drift', 'window_first', 'window_last'],
      params: ['seed', 'skew', 'noise', 'drift', 'window_first', 'window_last'],
      needs: 'nothing',
      settings: { label: 'World settings', knobs: ['drift'] },
      waiting: 'train on recent data',
    },
  },
  {
    n: 11,
    title: 'Deploy',
    phases: ['deployment', 'monitoring'],
    skills: ['Systems'],
    question: 'What does the model do with live traffic?',
    todo: 'Deploy the model to the serving worker, run it in shadow, promote it through the gate, and watch the monitoring dashboard.',
    scene: { panels: ['deploy', 'serving', 'monitoring'], controls: [], params: [...WORLD], needs: 'model' },
  },
  {
    n: 12,
    title: 'Business: impressions against revenue → switch metric to CTR',
    phases: ['business'],
    skills: ['Prod', 'Stats', 'SME'],
    question: 'The team is rewarded for impressions. What does that do to revenue, and what should it aim for instead?',
    todo: 'Read the business dashboard, switch the objective to clicks, train a click model on the serving log, estimate it from the exploration log, deploy it through the gate and compare both policies on the next fortnight.',
    scene: { panels: ['business', 'deploy'], controls: [], params: [...WORLD, 'objective'], needs: 'model' },
  },
  {
    n: 13,
    title: 'Start over',
    phases: ['scoping'],
    skills: ['Prod'],
    question: 'What did the cycle teach, and where does the next loop start?',
    todo: 'See the cycle close, read the history of every run and deployment, and start the next loop with clicks as the objective.',
    scene: { panels: ['history'], controls: [], params: [...WORLD, 'objective'], needs: 'nothing' },
  },
];

/** How many steps the story has. */
export const STEP_COUNT = STEPS.length;

/** The step with number n (clamped to 1…STEP_COUNT). */
export function stepAt(n: number): StoryStep {
  const i = Math.min(STEPS.length, Math.max(1, Math.round(n))) - 1;
  return STEPS[i] as StoryStep;
}
