// The lanes of each worker's job queue, named once: the worker's own queue and the page's job
// runner (src/state/runner.ts) both take these types, so a lane cannot be misspelt on either side.

/** The lab worker's lanes: data and training share 'main'; step 1's policy and the file exports run beside them. */
export const LAB_LANES = ['main', 'policy', 'export'] as const;
export type LabLane = (typeof LAB_LANES)[number];

/** The serving worker's lanes: deployment steps, the live run, the click model and the replay. */
export const SERVING_LANES = ['deploy', 'live', 'click', 'replay'] as const;
export type ServingLane = (typeof SERVING_LANES)[number];
