// The one table of shareable parameters: every piece of state a link can carry, with its type,
// range and default. Parsing and serialising both read this table, so they cannot disagree. World
// knobs take their ranges and defaults from the simulator, so a URL never asks for an impossible world.
import { DEFAULT_PARAMS, MAX_SEED_LENGTH, PARAM_RANGES } from '../sim/params.ts';
import { DEFAULT_TRAIN_CONFIG as T } from '../lab/types.ts';
import { KEEP_RANGE, SKEW_RANGE } from '../labels/story.ts';
import { DEV_LAST_DAY } from '../sim/types.ts';

/** Last day a step-10 window may train on: the day before yesterday (yesterday is kept for testing). */
const LAST_WINDOW_DAY = DEV_LAST_DAY - 1;
import { STEP_COUNT, stepNumber, stepRef, stepsRef } from '../story/steps.ts';

/** The steps the help texts below name. Spelt out here because the table's type may not depend on
 * StepId (the story table's knobs are these parameters); the bodies check each is a step id. */
type HelpStep = 'data' | 'labels' | 'imbalance' | 'compare' | 'fresh' | 'deploy' | 'business';
const see = (id: HelpStep): string => stepRef(id);
const seeSteps = (first: HelpStep, last: HelpStep): string => stepsRef(first, last);
const numberOf = (id: HelpStep): number => stepNumber(id);

/** How a parameter is written in the URL and what values it accepts. `entry` marks a step's own
 * control: a settled change of it adds a history entry, so Back moves the control back (its results
 * are kept, so nothing retrains). Without it a change replaces the current entry: the world and model
 * knobs, whose earlier values would make the data and models again on Back, and the view settings. */
export type ParamSpec = (
  | { kind: 'int'; min: number; max: number; default: number; help: string }
  | { kind: 'number'; min: number; max: number; default: number; help: string }
  | { kind: 'enum'; values: readonly string[]; default: string; help: string }
  | { kind: 'bool'; default: boolean; help: string }
  | { kind: 'seed'; maxLength: number; default: string; help: string }
  | { kind: 'set'; values: readonly string[]; default: readonly string[]; help: string }
) & { entry?: true };

/** Feature groups that can be switched on in step 3 (order = canonical order in the URL). */
export const FEATURE_GROUPS = ['onehot', 'numeric', 'cross', 'hashed'] as const;
export type FeatureGroup = (typeof FEATURE_GROUPS)[number];

/** A numeric world knob with the simulator's range and default. */
function world(name: keyof typeof PARAM_RANGES, help: string) {
  const [min, max] = PARAM_RANGES[name];
  return { kind: 'number', min, max, default: DEFAULT_PARAMS[name], help } as const;
}

/** The parameter table. Order here is the order of parameters in a serialised URL. */
export const PARAMS = {
  seed: { kind: 'seed', maxLength: MAX_SEED_LENGTH, default: DEFAULT_PARAMS.seed, help: 'the seed of the simulated world' },
  step: { kind: 'int', min: 1, max: STEP_COUNT, default: 1, help: 'the story step shown' },
  rows: { kind: 'int', min: 1_000, max: 2_000_000, default: 1_000_000, help: `rows of the step-${numberOf('data')} log` },
  skew: world('skew', 'true "should show" rate'),
  noise: world('noise', 'annotator miss rate of true positives'),
  drift: world('drift', 'drift strength (0 = stationary)'),
  model: { kind: 'enum', values: ['logreg', 'mlp'], default: 'logreg', help: 'model family' },
  features: {
    kind: 'set',
    values: FEATURE_GROUPS,
    default: ['onehot', 'numeric', 'cross'],
    help: 'feature groups switched on',
  },
  buckets: { kind: 'int', min: 8, max: 4096, default: T.features.hashBuckets, help: 'hash buckets for query/ad tokens' },
  epochs: { kind: 'int', min: 1, max: 50, default: T.epochs, help: 'passes over the training rows' },
  batch: { kind: 'int', min: 32, max: 65_536, default: T.batchSize, help: 'examples per gradient step' },
  lr: { kind: 'number', min: 0.00001, max: 1, default: T.learningRate, help: 'first learning rate (decays to a tenth)' },
  hidden: { kind: 'int', min: 2, max: 256, default: T.hidden[0] ?? 32, help: 'units of the MLP’s first hidden layer (the second has half)' },
  threshold: { kind: 'number', min: 0.000001, max: 1, default: 0.5, help: 'decision threshold', entry: true },
  cost_ratio: {
    kind: 'number',
    min: 0.0001,
    max: 100,
    default: 0.001,
    help: `cost of showing an ad not worth showing ÷ value of showing one that is (${see('compare')} operating threshold)`,
    entry: true,
  },
  relabel: { kind: 'enum', values: ['slice', 'suspects'], default: 'slice', help: `${see('labels')}: the rows sent to the expert (the worst slice’s “show” labels, or the top suspects)`, entry: true },
  suspects: { kind: 'int', min: 10, max: 1000, default: 100, help: `${see('labels')}: how many top suspects to relabel`, entry: true },
  skew_lab: { kind: 'number', min: 0, max: SKEW_RANGE[1], default: 0, help: `${see('imbalance')} skew lab: the skew its retrain uses (0 = the world’s own skew)`, entry: true },
  keep: {
    kind: 'number',
    min: 0,
    max: KEEP_RANGE[1],
    default: 0,
    help: `${see('compare')}: fraction w of “don’t show” candidates kept when collecting (0 = scaled with the skew: 0.001 at the story’s 0.01%, 1 at 50%)`,
    entry: true,
  },
  upweight: { kind: 'bool', default: false, help: `${see('compare')}: weight each kept “don’t show” row by 1/w`, entry: true },
  pos_weight: { kind: 'number', min: 1, max: 100, default: 1, help: `${see('compare')}: extra weight on each “show” row in the loss`, entry: true },
  window_first: { kind: 'int', min: 0, max: LAST_WINDOW_DAY, default: LAST_WINDOW_DAY - 13, help: `${see('fresh')}: first day of the training window`, entry: true },
  window_last: { kind: 'int', min: 0, max: LAST_WINDOW_DAY, default: LAST_WINDOW_DAY, help: `${see('fresh')}: last day of the training window`, entry: true },
  backend: {
    kind: 'enum',
    values: ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'],
    default: 'auto',
    help: 'training backend (auto = fastest real one)',
  },
  speed: { kind: 'enum', values: ['1', '2', '5', 'max'], default: '2', help: `${seeSteps('deploy', 'business')}: simulated days served per second (max: as fast as possible)`, entry: true },
  objective: { kind: 'enum', values: ['impressions', 'clicks'], default: 'impressions', help: 'business objective' },
  presenter: { kind: 'bool', default: false, help: 'presenter mode' },
  predict: { kind: 'bool', default: true, help: 'ask for a prediction before a step reveals its lesson (0 = off)' },
  more: { kind: 'bool', default: false, help: 'open each step’s whole explanation (0 = its first paragraph, the rest behind “More”)' },
  theme: { kind: 'enum', values: ['auto', 'light', 'dark'], default: 'auto', help: 'colour theme' },
  lab: { kind: 'bool', default: false, help: 'lab mode: every knob on one screen' },
} as const satisfies Record<string, ParamSpec>;

export type ParamName = keyof typeof PARAMS;
export const PARAM_NAMES = Object.keys(PARAMS) as ParamName[];

/** The value type of one parameter, derived from its spec. */
type ValueOf<S> = S extends { kind: 'int' | 'number' }
  ? number
  : S extends { kind: 'bool' }
    ? boolean
    : S extends { kind: 'seed' }
      ? string
      : S extends { kind: 'set'; values: readonly (infer V)[] }
        ? V[]
        : S extends { kind: 'enum'; values: readonly (infer V)[] }
          ? V
          : never;

/** The whole shareable state. */
export type UrlState = { [K in ParamName]: ValueOf<(typeof PARAMS)[K]> };

/** A polite message about one parameter that was clamped, replaced or ignored. */
export interface ParamNotice {
  param: string;
  message: string;
}

/** The default state (a fresh session). */
export function defaultState(): UrlState {
  const out: Record<string, unknown> = {};
  for (const name of PARAM_NAMES) {
    const spec: ParamSpec = PARAMS[name];
    out[name] = spec.kind === 'set' ? [...spec.default] : spec.default;
  }
  return out as UrlState;
}
