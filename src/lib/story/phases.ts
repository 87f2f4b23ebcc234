// The six phases of the production cycle and the seven skills, after Chip Huyen's
// *Machine Learning Interviews* (chapter on ML in production).

/** Phase ids, in cycle order (business analysis feeds back into scoping). */
export const PHASES = ['scoping', 'data', 'modeldev', 'deployment', 'monitoring', 'business'] as const;
export type Phase = (typeof PHASES)[number];

/** Readable phase names. */
export const PHASE_LABEL: Record<Phase, string> = {
  scoping: 'Project scoping',
  data: 'Data management',
  modeldev: 'ML model development',
  deployment: 'Deployment',
  monitoring: 'Monitoring & maintenance',
  business: 'Business analysis',
};

/** Short phase names for tight spaces. */
export const PHASE_SHORT: Record<Phase, string> = {
  scoping: 'Scoping',
  data: 'Data',
  modeldev: 'Model dev',
  deployment: 'Deploy',
  monitoring: 'Monitor',
  business: 'Business',
};

/** Okabe–Ito colour token index used for each phase (CSS var --okabe-N). */
export const PHASE_COLOUR: Record<Phase, number> = {
  scoping: 1,
  data: 2,
  modeldev: 5,
  deployment: 3,
  monitoring: 6,
  business: 7,
};

/** The skills a step calls on. */
export const SKILLS = ['Prod', 'SME', 'Databases', 'Systems', 'ML', 'Algo', 'Stats'] as const;
export type Skill = (typeof SKILLS)[number];

/** What each skill means, for titles and screen readers. */
export const SKILL_MEANING: Record<Skill, string> = {
  Prod: 'product sense: what the business and users need',
  SME: 'subject-matter expertise: knowing ads and search',
  Databases: 'storing, joining and querying the data',
  Systems: 'engineering the pipelines and serving',
  ML: 'machine-learning modelling',
  Algo: 'algorithms and optimisation',
  Stats: 'statistics: measurement and uncertainty',
};
