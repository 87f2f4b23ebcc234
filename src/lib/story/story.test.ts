import { describe, expect, test } from 'vitest';
import { STEP_COUNT, STEP_IDS, STEPS, stepAt, stepById, stepNumber, stepThatTrains } from './steps.ts';
import { PHASES, SKILLS } from './phases.ts';
import { PARAM_NAMES } from '../url/params.ts';
import { count, percent, metric, dollars } from './format.ts';

describe('the story as data', () => {
  test('has 13 steps numbered 1…13, each with a title, a phase, skills and a question', () => {
    expect(STEPS).toHaveLength(13);
    STEPS.forEach((s, i) => {
      expect(s.n).toBe(i + 1);
      expect(s.title.length).toBeGreaterThan(3);
      expect(s.phases.length).toBeGreaterThan(0);
      for (const p of s.phases) expect(PHASES).toContain(p);
      expect(s.skills.length).toBeGreaterThan(0);
      for (const k of s.skills) expect(SKILLS).toContain(k);
      expect(s.question).toMatch(/\?$/);
    });
  });

  test('visits all six phases and closes the loop in scoping', () => {
    const seen = new Set(STEPS.flatMap((s) => s.phases));
    expect([...seen].sort()).toEqual([...PHASES].sort());
    expect(STEPS[0]?.phases[0]).toBe('scoping');
    expect(STEPS[STEP_COUNT - 1]?.phases[0]).toBe('scoping');
  });

  test('every settings panel names only real URL parameters', () => {
    for (const s of STEPS) for (const p of s.scene.settings?.knobs ?? []) expect(PARAM_NAMES).toContain(p);
  });

  test('each step has its own id, found again by stepById; a step number is its place in the table', () => {
    expect(new Set(STEP_IDS).size).toBe(STEP_COUNT);
    STEPS.forEach((s, i) => {
      expect(STEP_IDS[i]).toBe(s.id);
      expect(stepById(s.id)).toBe(s);
      expect(stepNumber(s.id)).toBe(i + 1);
    });
    // The numbers the tour showed when these ids were introduced (steps 4, 9 and 13 of the December 2026 tour).
    expect(stepNumber('train')).toBe(4);
    expect(stepNumber('drift')).toBe(9);
    expect(stepNumber('start-over')).toBe(13);
  });

  test('the step that trains the noisy-label model is the Train step; no step trains a role twice', () => {
    expect(stepThatTrains('noisy')).toBe('train');
    const roles = STEPS.flatMap((s) => (s.scene.trains ? [s.scene.trains] : []));
    expect(new Set(roles).size).toBe(roles.length);
  });

  test('a scene’s settings panel shows only its own controls, and the steps that need the lab say what it would do', () => {
    const withSettings = STEPS.filter((s) => s.scene.settings);
    expect(withSettings.map((s) => s.n)).toEqual([2, 3, 4, 9, 10]);
    for (const s of withSettings) {
      expect(s.scene.settings!.knobs.length).toBeGreaterThan(0);
      expect(s.scene.waiting, `step ${s.n}`).toMatch(/\w/);
    }
  });

  test('stepAt clamps', () => {
    expect(stepAt(0).n).toBe(1);
    expect(stepAt(99).n).toBe(STEP_COUNT);
    expect(stepAt(4).title).toBe('Train');
  });
});

describe('narrative number formats', () => {
  test('keep tiny rates visible and big counts readable', () => {
    expect(percent(0.0001)).toBe('0.01%');
    expect(percent(0.00012345)).toBe('0.012%');
    expect(percent(0.5)).toBe('50%');
    expect(percent(0.034)).toBe('3.4%');
    expect(percent(0.99982)).toBe('99.982%');
    expect(percent(0.9999)).toBe('99.99%');
    expect(percent(1)).toBe('100%');
    expect(count(1_000_000)).toBe('1,000,000');
    expect(metric(0.87345)).toBe('0.873');
    expect(dollars(1234.4)).toBe('$1,234');
    expect(dollars(0.42)).toBe('$0.42');
    expect(dollars(-71.364)).toBe('−$71.36');
    expect(dollars(-1234.4)).toBe('−$1,234');
    expect(dollars(-0.001)).toBe('$0.00');
  });

  test('read a dash instead of inventing a number, never the word "undefined"', () => {
    expect(percent(Number.NaN)).toBe('—');
    expect(metric(Number.NaN)).toBe('—');
    expect(count(Number.POSITIVE_INFINITY)).toBe('—');
  });

  test('money to the cent below $1,000, whole dollars above', () => {
    expect(dollars(999.5)).toBe('$999.50');
    expect(dollars(123.4)).toBe('$123.40');
    expect(dollars(1000.4)).toBe('$1,000');
  });
});
