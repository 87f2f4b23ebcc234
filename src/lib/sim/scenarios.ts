// Instructor presets (data/scenarios/*.json): a named set of knobs, validated when loaded.
import defaultJson from '../../../data/scenarios/default.json';
import heavyDriftJson from '../../../data/scenarios/heavy-drift.json';
import mildSkewJson from '../../../data/scenarios/mild-skew.json';
import noDriftJson from '../../../data/scenarios/no-drift.json';
import { DEFAULT_PARAMS, validateParams } from './params.ts';
import type { WorldParams } from './types.ts';

/** A preset world with a name and a sentence for the instructor. */
export interface Scenario {
  id: string;
  name: string;
  description: string;
  params: WorldParams;
}

/** Longest accepted name or description (characters). */
const MAX_TEXT = 400;

/** A short plain string field of an object, or undefined. */
function text(o: Record<string, unknown>, key: string): string | undefined {
  const v = o[key];
  return typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT ? v : undefined;
}

/** Validates an untrusted scenario object: knobs are clamped, and every problem becomes a notice. */
export function parseScenario(input: unknown): { scenario: Scenario; notices: string[] } {
  const notices: string[] = [];
  const o = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  if (o !== input) notices.push('scenario is not an object; using the default world');
  const id = text(o, 'id') ?? 'custom';
  if (!/^[a-z0-9-]{1,40}$/.test(id)) notices.push(`scenario id "${id.slice(0, 40)}" is not a short lowercase slug`);
  const name = text(o, 'name') ?? (notices.push('scenario has no name'), 'Custom world');
  const description = text(o, 'description') ?? '';
  const rawParams = typeof o.params === 'object' && o.params !== null ? (o.params as Partial<WorldParams>) : {};
  if (rawParams !== o.params) notices.push('scenario has no params; using the defaults');
  const v = validateParams(rawParams);
  return {
    scenario: { id: /^[a-z0-9-]{1,40}$/.test(id) ? id : 'custom', name, description, params: v.params },
    notices: [...notices, ...v.notices],
  };
}

/** The bundled presets, validated (a preset that needed clamping would be a bug: see scenarios.test.ts). */
export const SCENARIOS: Scenario[] = [defaultJson, mildSkewJson, noDriftJson, heavyDriftJson].map((j) => parseScenario(j).scenario);

/** The preset with this id, or the default. */
export function scenarioById(id: string): Scenario {
  return SCENARIOS.find((s) => s.id === id) ?? (SCENARIOS[0] as Scenario);
}

/** The default knobs (same as the default preset). */
export const DEFAULT_SCENARIO_PARAMS: WorldParams = DEFAULT_PARAMS;
