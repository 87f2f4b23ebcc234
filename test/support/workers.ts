import { availableParallelism } from 'node:os';

/**
 * Workers for the Node test projects (unit and story): one a core. Vitest's default leaves one core to
 * its main process (cores − 1, so a single worker on a two-core machine), but in these projects the main
 * process only collects results while the workers compute, so the default left one core idle for the
 * whole of `npm run test:node`. CLICKCYCLE_NODE_WORKERS overrides the count (1 runs the files one by one).
 */
export function nodeTestWorkers(env: NodeJS.ProcessEnv = process.env, cores = availableParallelism()): number {
  const asked = Number.parseInt(env.CLICKCYCLE_NODE_WORKERS ?? '', 10);
  return Number.isInteger(asked) && asked >= 1 ? asked : Math.max(1, cores);
}
