// The story as data: the 13 steps of the ad-click production cycle. Each entry sets its whole
// scene (what it needs from the lab, its settings panel), so a step can be entered in any order,
// by a link or by Back. Code names a step by its id; its number is only its place in this table.
import type { ParamName } from '../url/params.ts';
import type { Phase, Skill } from './phases.ts';
import type { StoryRole } from './roles.ts';

/** What entering a step opens. */
export interface Scene {
  /** What the step needs from the lab before it can show results. */
  needs: 'nothing' | 'dataset' | 'model';
  /** The settings panel the layout draws at the top of the bench: its name and its knobs. */
  settings?: { label: string; knobs: ParamName[] };
  /** What the lab worker would do here, said when it is not connected (the layout then shows no bench). */
  waiting?: string;
  /** The story role of the model this step's Train button trains, when it plays one. */
  trains?: StoryRole;
}

/** One entry of the story table, as written. */
export interface StepEntry<Id extends string = StepId> {
  /** The step's stable name: what code, stored runs and tables use to point at it (its number is only its place in the tour). */
  id: Id;
  title: string;
  /** Phases, the main one first. */
  phases: Phase[];
  skills: Skill[];
  /** The question the step answers. */
  question: string;
  /** What the learner does here. */
  todo: string;
  scene: Scene;
}

/** One step of the story: its entry and its place in the tour. */
export interface StoryStep extends StepEntry<StepId> {
  /** 1…STEP_COUNT, from its place in STEPS (the URL's `step` and every "Step n" shown). */
  n: number;
}


/** The table's type, keeping each id as its literal (so StepId is read off the table itself). */
function storyTable<const Id extends string>(entries: readonly StepEntry<Id>[]): readonly StepEntry<Id>[] {
  return entries;
}

/** The steps as written, in tour order; a step's number is its place here. */
const ENTRIES = storyTable([
  {
    id: 'metric',
    title: 'Choose a metric: impressions',
    phases: ['scoping'],
    skills: ['Prod', 'SME'],
    question: 'What should the ad system optimise?',
    todo: 'Look at the marketplace and the baseline policy, then pick the objective the team will chase: impressions.',
    scene: { needs: 'nothing' },
  },
  {
    id: 'data',
    title: 'Collect data, obtain labels',
    phases: ['data'],
    skills: ['Databases', 'Systems', 'SME'],
    question: 'What does a labelled log of ad candidates look like?',
    todo: 'Generate 90 days of (query, ad) candidates with "should show" labels; read the data card, the class balance and sample rows.',
    scene: {
      needs: 'dataset',
      settings: { label: 'World settings', knobs: ['rows', 'skew', 'noise', 'drift'] },
      waiting: 'generate the data',
    },
  },
  {
    id: 'features',
    title: 'Engineer features',
    phases: ['data', 'modeldev'],
    skills: ['ML', 'SME', 'Databases'],
    question: 'Which features let a model learn what is relevant?',
    todo: 'Switch feature groups on and off, try each set with a quick logistic regression, and compare validation AUC.',
    scene: {
      needs: 'dataset',
      settings: { label: 'Feature settings', knobs: ['features', 'buckets'] },
      waiting: 'train the quick logistic regressions',
    },
  },
  {
    id: 'train',
    title: 'Train',
    phases: ['modeldev'],
    skills: ['ML', 'Algo', 'Systems'],
    question: 'How good is the first model, and how do we know?',
    todo: 'Choose a model and its training settings, press Train, watch the validation loss epoch by epoch, then read the curves, the calibration and the confusion matrix.',
    scene: {
      needs: 'model',
      settings: { label: 'Training settings', knobs: ['model', 'hidden', 'epochs', 'batch', 'lr'] },
      waiting: 'train the model',
      trains: 'noisy',
    },
  },
  {
    id: 'labels',
    title: 'Error analysis → wrong labels → relabel',
    phases: ['modeldev', 'data'],
    skills: ['ML', 'Stats', 'SME'],
    question: 'Where is the model wrong, and is it the model or the labels?',
    todo: 'Read the errors by slice, find suspected label errors with out-of-fold predictions (Find suspects), look at the rows, and pay the expert to relabel (Relabel).',
    scene: { needs: 'model' },
  },
  {
    id: 'relabelled',
    title: 'Train again',
    phases: ['modeldev'],
    skills: ['ML', 'Algo'],
    question: 'Do fixed labels give a better model?',
    todo: 'Retrain on the relabelled data (Train) and compare it with the noisy-label model on the gold set, slice by slice.',
    scene: { needs: 'model' },
  },
  {
    id: 'imbalance',
    title: 'Error analysis → how often does the model say “show”?',
    phases: ['modeldev'],
    skills: ['ML', 'Stats'],
    question: 'Is near-perfect accuracy worth anything here?',
    todo: 'Compare the model with a dummy that never says "show", then move the skew slider to see where it starts saying "show" at 0.5.',
    scene: {
      needs: 'model',
    },
  },
  {
    id: 'compare',
    title: 'Collect more data → train again → choose the threshold',
    phases: ['modeldev', 'data'],
    skills: ['ML', 'Algo', 'Databases'],
    question: 'Does the rebalanced model find the ads worth showing?',
    todo: 'Collect more show-worthy data (Collect more data), which trains and recalibrates the rebalanced model; compare the three story models and choose the threshold from the cost.',
    scene: { needs: 'model' },
  },
  {
    id: 'drift',
    title: 'Old test data against yesterday’s → drift?',
    phases: ['monitoring', 'data'],
    skills: ['Stats', 'ML', 'Systems'],
    question: 'Does a good model get worse as the days go by?',
    todo: 'Measure the model trained on the first 45 days on its own test days and on yesterday, evaluate it day by day, and open the drift report.',
    scene: {
      needs: 'nothing',
      settings: { label: 'World settings', knobs: ['drift'] },
      waiting: 'evaluate the model',
    },
  },
  {
    id: 'fresh',
    title: 'Train again on recent data',
    phases: ['modeldev'],
    skills: ['ML', 'Systems'],
    question: 'How fresh must the training data be?',
    todo: 'Choose a training window on the timeline, retrain, compare the fresh model with the stale one on yesterday, and draw the freshness chart.',
    scene: {
      needs: 'nothing',
      settings: { label: 'World settings', knobs: ['drift'] },
      waiting: 'train on recent data',
    },
  },
  {
    id: 'deploy',
    title: 'Deploy',
    phases: ['deployment', 'monitoring'],
    skills: ['Systems'],
    question: 'What does the model do with live traffic?',
    todo: 'Deploy the model to the serving worker, run it in shadow, promote it through the gate, and watch the monitoring dashboard.',
    scene: { needs: 'model' },
  },
  {
    id: 'business',
    title: 'Business: impressions against revenue → switch metric to CTR',
    phases: ['business'],
    skills: ['Prod', 'Stats', 'SME'],
    question: 'The team is rewarded for impressions. What does that do to revenue, and what should it aim for instead?',
    todo: 'Read the business dashboard, switch the objective to clicks, train a click model on the serving log, estimate it from the exploration log, deploy it through the gate and compare both policies on the next fortnight.',
    scene: { needs: 'model' },
  },
  {
    id: 'start-over',
    title: 'Start over',
    phases: ['scoping'],
    skills: ['Prod'],
    question: 'What did the cycle teach, and where does the next loop start?',
    todo: 'See the cycle close, read the history of every run and deployment, and start the next loop with clicks as the objective.',
    scene: { needs: 'nothing' },
  },
]);

/** Every step's id, in tour order. */
export type StepId = (typeof ENTRIES)[number]['id'];
export const STEP_IDS: readonly StepId[] = ENTRIES.map((e) => e.id);

/** The steps, in order, numbered from 1. */
export const STEPS: readonly StoryStep[] = ENTRIES.map((e, i) => ({ ...e, n: i + 1 }));

/** How many steps the story has. */
export const STEP_COUNT = STEPS.length;

/** The step with number n (clamped to 1…STEP_COUNT). */
export function stepAt(n: number): StoryStep {
  const i = Math.min(STEPS.length, Math.max(1, Math.round(n))) - 1;
  return STEPS[i] as StoryStep;
}

const BY_ID = new Map(STEPS.map((s) => [s.id, s]));

/** The step named `id`. */
export function stepById(id: StepId): StoryStep {
  return BY_ID.get(id) as StoryStep;
}

/** The number (1…STEP_COUNT) the tour shows for the step named `id`. */
export function stepNumber(id: StepId): number {
  return stepById(id).n;
}

/** How on-screen text names steps, numbered by their place in `order` (the tour's own order below;
 * a test may pass another). Text names a step by id and lets this say its number, so inserting or
 * moving a step renumbers every "see step n" with it. */
export function stepRefsIn<Id extends string>(order: readonly Id[]) {
  const n = (id: Id): number => {
    const i = order.indexOf(id);
    if (i < 0) throw new Error(`no step ${id} in the tour`);
    return i + 1;
  };
  return {
    /** "step 11" */
    ref: (id: Id): string => `step ${n(id)}`,
    /** "steps 11–12", or with `join` " and ": "steps 4 and 6" */
    refs: (first: Id, last: Id, join = '–'): string => `steps ${n(first)}${join}${n(last)}`,
  };
}

const TOUR_REFS = stepRefsIn(STEP_IDS);
/** "step 11" for the step named `id`, as text on screen says it. */
export const stepRef: (id: StepId) => string = TOUR_REFS.ref;
/** "steps 11–12" (or "steps 4 and 6" with `join` " and ") for two steps named by id. */
export const stepsRef: (first: StepId, last: StepId, join?: string) => string = TOUR_REFS.refs;

/** True for a step id. */
export function isStepId(v: unknown): v is StepId {
  return typeof v === 'string' && (STEP_IDS as readonly string[]).includes(v);
}

/** The step whose Train button trains the model playing `role` (the step-4 model is "the step that trains noisy"). */
export function stepThatTrains(role: StoryRole): StepId {
  const s = STEPS.find((x) => x.scene.trains === role);
  if (!s) throw new Error(`no step trains the ${role} model`);
  return s.id;
}
