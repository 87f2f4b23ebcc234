// A panel over jobs that run one after another reads done only when every number it shows is final.
import { describe, expect, test } from 'vitest';
import { sequenceOf, type JobStatus, type JobView } from './job.svelte.ts';

const job = (status: JobStatus, stage = '', error = ''): JobView => ({ status, fraction: status === 'done' ? 1 : 0.5, stage, error });

describe('sequenceOf', () => {
  test('running while any job runs, showing that job’s stage', () => {
    expect(sequenceOf([job('done'), job('running', 'training')]).status).toBe('running');
    expect(sequenceOf([job('done'), job('running', 'training')]).stage).toBe('training');
  });
  test('running while a number is pending, even when every job has finished (the gap before a measurement)', () => {
    const v = sequenceOf([job('done'), job('done'), job('done')], true);
    expect(v.status).toBe('running');
    expect(v.stage).toBe('measuring');
  });
  test('done only when all finished and nothing is pending', () => {
    expect(sequenceOf([job('done'), job('done')], false).status).toBe('done');
    expect(sequenceOf([job('done'), job('idle')], false).status).toBe('done');
  });
  test('a failure shows its error, and wins over pending', () => {
    const v = sequenceOf([job('done'), job('error', '', 'cancelled')], true);
    expect(v.status).toBe('error');
    expect(v.error).toBe('cancelled');
    expect(sequenceOf([job('interrupted')]).status).toBe('interrupted');
  });
  test('idle when nothing has run and nothing is pending', () => {
    expect(sequenceOf([job('idle'), job('idle')]).status).toBe('idle');
    expect(sequenceOf([job('idle')], true).status).toBe('running');
  });
});
