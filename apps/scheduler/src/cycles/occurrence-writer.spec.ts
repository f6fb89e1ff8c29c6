import { OccurrenceWriter } from './occurrence-writer';
import type { OccurrencePlan } from './occurrence-plan';

const plan = (id: number): OccurrencePlan => ({ id: String(id), decisions: [] });

/** A write that resolves when the test says so, to see what runs at once. */
function controlledWrites() {
  const started: { ids: string[]; finish: () => void; fail: (error: Error) => void }[] = [];
  const write = (batch: OccurrencePlan[]) =>
    new Promise<number>((resolve, reject) =>
      started.push({ ids: batch.map((p) => p.id), finish: () => resolve(batch.length), fail: reject }),
    );
  return { started, write };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('OccurrenceWriter', () => {
  it('starts writing a batch as soon as it is full, while more plans keep coming', async () => {
    const { started, write } = controlledWrites();
    const writer = new OccurrenceWriter(write, 2, 2);
    writer.add(plan(1));
    expect(started).toHaveLength(0);
    writer.add(plan(2));
    expect(started.map((s) => s.ids)).toEqual([['1', '2']]);
  });

  it('keeps at most `writers` batches in flight, and writes the rest as they finish', async () => {
    const { started, write } = controlledWrites();
    const writer = new OccurrenceWriter(write, 1, 2);
    for (let i = 1; i <= 4; i++) writer.add(plan(i));
    expect(started.map((s) => s.ids)).toEqual([['1'], ['2']]);
    started[0].finish();
    await settle();
    expect(started.map((s) => s.ids)).toEqual([['1'], ['2'], ['3']]);
    const finished = writer.finish();
    started[1].finish();
    await settle();
    expect(started.map((s) => s.ids)).toEqual([['1'], ['2'], ['3'], ['4']]);
    started[2].finish();
    started[3].finish();
    expect(await finished).toEqual([1, 1, 1, 1]);
  });

  it('writes the last, partial batch when finished, and answers every batch’s result', async () => {
    const writer = new OccurrenceWriter(async (batch) => batch.map((p) => p.id).join(','), 2, 2);
    for (let i = 1; i <= 5; i++) writer.add(plan(i));
    expect((await writer.finish()).sort()).toEqual(['1,2', '3,4', '5']);
  });

  it('rejects with the first failure, and starts no batch after it', async () => {
    const { started, write } = controlledWrites();
    const writer = new OccurrenceWriter(write, 1, 1);
    writer.add(plan(1));
    writer.add(plan(2));
    started[0].fail(new Error('connection lost'));
    await expect(writer.finish()).rejects.toThrow('connection lost');
    expect(started).toHaveLength(1);
  });
});
