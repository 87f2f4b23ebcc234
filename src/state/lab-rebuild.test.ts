// The rebuilder against a fake worker that forgets what it holds: a job naming a model whose
// dataset is gone too makes the dataset, then the model, then runs; Cancel stops it; an error that
// is not about a missing dataset or model passes through; later calls go to the new ids.
import { describe, expect, test } from 'vitest';
import { goneId, Rebuilder, rebuildingWords } from './lab-rebuild.ts';
import type { Ticket } from './runner.ts';

/** A fake worker: ids it holds, and the words the real one uses (workers/lab/datasets.ts, models.ts). */
class FakeWorker {
  held = new Set<string>();
  #n = 0;
  make(kind: 'd' | 'm'): string {
    const id = `${kind}${++this.#n}`;
    this.held.add(id);
    return id;
  }
  use(id: string): string {
    if (!this.held.has(id)) throw new Error(`unknown ${id.startsWith('d') ? 'dataset' : 'model'} ${id} (dropped)`);
    return `used ${id}`;
  }
}

function ticket(): Ticket & { stages: string[]; live: boolean } {
  const t = {
    stages: [] as string[],
    live: true,
    progress(_f: number, stage: string) {
      t.stages.push(stage);
      return t.live;
    },
    get current() {
      return t.live;
    },
  };
  return t;
}

describe('Rebuilder', () => {
  test('goneId reads the worker’s words and nothing else', () => {
    expect(goneId(new Error('unknown dataset d1-wm61 (datasets beyond …)'))).toEqual({ kind: 'dataset', id: 'd1-wm61' });
    expect(goneId(new Error('unknown model m1-y8nv (disposed, …)'))).toEqual({ kind: 'model', id: 'm1-y8nv' });
    expect(goneId(new Error('cancelled'))).toBeNull();
  });

  test('a model whose dataset is gone too: the dataset, then the model, then the call', async () => {
    const w = new FakeWorker();
    const rb = new Rebuilder();
    const d = w.make('d');
    const m = w.make('m');
    let datasetMade = 0;
    let modelMade = 0;
    rb.setFallbackDataset('the step-2 log', async () => (datasetMade++, w.make('d')));
    rb.record(m, 'model v2', async (_t, id) => {
      w.use(id(d)); // training reads the dataset
      modelMade++;
      return w.make('m');
    });
    w.held.clear(); // a restart
    const t = ticket();
    const out = await rb.run(t, async (id) => w.use(id(m)));
    expect(out).toBe('used m4');
    expect([datasetMade, modelMade]).toEqual([1, 1]);
    expect(rb.resolve(m)).toBe('m4');
    expect(rb.resolve(d)).toBe('d3');
    expect(t.stages[0]).toBe(rebuildingWords('model v2'));
    expect(t.stages.some((s) => s.startsWith(`${rebuildingWords('model v2')} · ${rebuildingWords('the step-2 log')}`))).toBe(true);
    // Held now: a second call makes nothing.
    expect(await rb.run(ticket(), async (id) => w.use(id(m)))).toBe('used m4');
    expect([datasetMade, modelMade]).toEqual([1, 1]);
    // A recipe made again is the new id's recipe too: evicted once more, it is made once more.
    w.held.delete('m4');
    expect(await rb.run(ticket(), async (id) => w.use(id(m)))).toBe('used m5');
    expect(modelMade).toBe(2);
  });

  test('a cancelled job stops and keeps the worker’s error; other errors and unknown ids pass through', async () => {
    const w = new FakeWorker();
    const rb = new Rebuilder();
    const m = w.make('m');
    let made = 0;
    rb.record(m, 'model v2', async () => (made++, w.make('m')));
    w.held.clear();
    const t = ticket();
    t.live = false;
    await expect(rb.run(t, async (id) => w.use(id(m)))).rejects.toThrow(/unknown model m1/);
    expect(made).toBe(0);
    await expect(rb.run(ticket(), async () => Promise.reject(new Error('out of memory')))).rejects.toThrow('out of memory');
    // A model with no recipe is not guessed at.
    await expect(rb.run(ticket(), async () => w.use('m99'))).rejects.toThrow(/unknown model m99/);
  });

  test('a recipe that never yields a held id gives up instead of looping', async () => {
    const rb = new Rebuilder();
    let made = 0;
    rb.setFallbackDataset('the step-2 log', async () => `d-never-held-${++made}`);
    await expect(rb.run(ticket(), async (id) => Promise.reject(new Error(`unknown dataset ${id('d1')}`)))).rejects.toThrow(/unknown dataset/);
    expect(made).toBeLessThanOrEqual(7);
  });
});
