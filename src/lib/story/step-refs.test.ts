// On-screen text names a step by id and lets the story table say its number: today's order gives
// the numbers the screens have always shown, and a step inserted mid-tour renumbers every reference.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { STEP_IDS, stepNumber, stepRef, stepRefsIn, stepsRef } from './steps.ts';
import { PARAMS } from '../url/params.ts';
import { recap } from './recap.ts';

const BUSINESS = { business: { outcome: 'lost' as const, sentence: 'x' } };

describe('step references at today’s order', () => {
  it('say the numbers the tour shows', () => {
    expect(stepRef('metric')).toBe('step 1');
    expect(stepRef('labels')).toBe('step 5');
    expect(stepRef('deploy')).toBe('step 11');
    expect(stepNumber('relabelled')).toBe(6);
    expect(stepsRef('deploy', 'business')).toBe('steps 11–12');
    expect(stepsRef('train', 'relabelled', ' and ')).toBe('steps 4 and 6');
  });

  it('render the texts exactly as before', () => {
    expect(PARAMS.pos_weight.help).toBe('step 8: extra weight on each “show” row in the loss');
    expect(PARAMS.suspects.help).toBe('step 5: how many top suspects to relabel');
    expect(PARAMS.rows.help).toBe('rows of the step-2 log');
    expect(PARAMS.skew_lab.help).toBe('step 7 skew lab: the skew its retrain uses (0 = the world’s own skew)');
    expect(PARAMS.window_first.help).toBe('step 10: first day of the training window');
    expect(PARAMS.speed.help).toBe('steps 11–12: simulated days served per second (max: as fast as possible)');
    expect(recap(BUSINESS).next).toMatch(/^The next cycle starts at step 1 with the objective/);
  });

  it('refuse a step that is not in the tour', () => {
    expect(() => stepRefsIn<string>(['a', 'b']).ref('c')).toThrow(/no step c/);
  });
});

describe('a step inserted mid-tour', () => {
  // A new step between "data" (2) and "features" (3): everything from features on moves up one.
  const order = [...STEP_IDS.slice(0, 2), 'inserted', ...STEP_IDS.slice(2)];

  afterEach(() => {
    vi.doUnmock('./steps.ts');
    vi.resetModules();
  });

  it('renumbers the references after it and keeps those before it', () => {
    const r = stepRefsIn(order);
    expect(r.ref('data')).toBe('step 2');
    expect(r.ref('inserted')).toBe('step 3');
    expect(r.ref('labels')).toBe('step 6');
    expect(r.refs('train', 'relabelled', ' and ')).toBe('steps 5 and 7');
    expect(r.ref('deploy')).toBe('step 12');
    expect(r.refs('deploy', 'business')).toBe('steps 12–13');
    expect(r.ref('start-over')).toBe('step 14');
  });

  it('renumbers the rendered help texts and sentences (here inserted first, so every number moves)', async () => {
    const first = ['inserted', ...STEP_IDS];
    vi.resetModules();
    vi.doMock('./steps.ts', async (importOriginal) => {
      const real = await importOriginal<typeof import('./steps.ts')>();
      const r = real.stepRefsIn<string>(first);
      return { ...real, stepRef: r.ref, stepsRef: r.refs, stepNumber: (id: string) => first.indexOf(id) + 1 };
    });
    const { PARAMS: moved } = await import('../url/params.ts');
    const { recap: movedRecap } = await import('./recap.ts');
    expect(moved.pos_weight.help).toBe('step 9: extra weight on each “show” row in the loss');
    expect(moved.suspects.help).toBe('step 6: how many top suspects to relabel');
    expect(moved.rows.help).toBe('rows of the step-3 log');
    expect(moved.skew_lab.help).toBe('step 8 skew lab: the skew its retrain uses (0 = the world’s own skew)');
    expect(moved.window_first.help).toBe('step 11: first day of the training window');
    expect(moved.speed.help).toBe('steps 12–13: simulated days served per second (max: as fast as possible)');
    expect(movedRecap(BUSINESS).next).toMatch(/^The next cycle starts at step 2 with/);
  });
});
