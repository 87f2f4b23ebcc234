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
    scene: { panels: ['generate', 'datacard', 'sample'], controls: ['rows', 'skew', 'noise', 'drift'], params: WORLD, needs: 'dataset' },
  },
  {
    n: 3,
    title: 'Engineer features',
    phases: ['data', 'modeldev'],
    skills: ['ML', 'SME', 'Databases'],
    question: 'Which features let a model learn what is relevant?',
    todo: 'Switch feature groups on and off, try each set with a quick logistic regression, and compare validation AUC.',
    scene: { panels: ['features', 'feature-trials'], controls: ['features', 'buckets'], params: [...WORLD, 'features', 'buckets'], needs: 'dataset' },
  },
  {
    n: 4,
    title: 'Train',
    phases: ['modeldev'],
    skills: ['ML', 'Algo', 'Systems'],
    question: 'How good is model v1, and how do we know?',
    todo: 'Choose a model and its training settings, press Train, watch the loss fall, then read the curves, the calibration and the confusion matrix.',
    scene: {
      panels: ['train', 'loss', 'metrics', 'curves', 'confusion'],
      controls: ['model', 'hidden', 'epochs', 'batch', 'lr', 'threshold'],
      params: [...WORLD, ...TRAINING, 'threshold'],
      needs: 'model',
    },
  },
  pending(5, 'Error analysis → wrong labels → relabel', ['modeldev', 'data'], ['ML', 'Stats', 'SME'],
    'Where is the model wrong, and is it the model or the labels?',
    'Slice the errors, rank suspected label errors, inspect them and pay to relabel.',
    'the error-analysis issue (steps 5–6)'),
  pending(6, 'Train again', ['modeldev'], ['ML', 'Algo'],
    'Do fixed labels give a better model?',
    'Retrain on the relabelled data and compare v2 with v1 on the gold set.',
    'the error-analysis issue (steps 5–6)'),
  pending(7, 'Error analysis → the model always says "don’t show"', ['modeldev', 'data'], ['ML', 'Stats', 'Databases'],
    'Why is near-perfect accuracy useless here?',
    'Move the skew slider, collect more show-worthy data, and recalibrate.',
    'the imbalance issue (steps 7–8)'),
  pending(8, 'Train again', ['modeldev'], ['ML', 'Algo'],
    'Does the rebalanced model find the ads worth showing?',
    'Retrain and compare v3 with v1 and v2.',
    'the imbalance issue (steps 7–8)'),
  pending(9, 'Good on old test data, poor on yesterday’s → drift', ['monitoring', 'data'], ['Stats', 'ML', 'Systems'],
    'Why does a good model get worse every day?',
    'Evaluate on yesterday, open the drift report, watch AUC per day.',
    'the drift issue (steps 9–10)'),
  pending(10, 'Train again on recent data', ['modeldev'], ['ML', 'Systems'],
    'How fresh must the training data be?',
    'Choose a training window and retrain; read the freshness chart.',
    'the drift issue (steps 9–10)'),
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
    title: 'Business: revenue falls → switch metric to CTR',
    phases: ['business'],
    skills: ['Prod', 'Stats', 'SME'],
    question: 'Impressions went up. Why did revenue go down?',
    todo: 'Read the business dashboard, switch the objective to clicks, train a click model on the serving log, deploy it through the gate and replay the same days.',
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

/** The step with number n (clamped to 1…13). */
export function stepAt(n: number): StoryStep {
  const i = Math.min(STEPS.length, Math.max(1, Math.round(n))) - 1;
  return STEPS[i] as StoryStep;
}
