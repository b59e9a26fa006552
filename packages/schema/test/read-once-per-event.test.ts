import { describe, expect, it } from 'vitest';
import { readOncePerEvent } from '../src/graphql/read-once-per-event.ts';

describe('reading once per event', () => {
  it('should read once for every subscriber of one event with the same selection', async () => {
    let reads = 0;
    const read = async () => ({ n: ++reads });
    const event = { ticketId: 't1' };
    const query = { select: { title: true } };
    const answers = await Promise.all(Array.from({ length: 5 }, () => readOncePerEvent(event, { ...query }, read)));
    expect(reads).toBe(1);
    expect(new Set(answers).size).toBe(1);
  });

  it('should read again for another selection, and for the next event', async () => {
    let reads = 0;
    const read = async () => ++reads;
    const first = { ticketId: 't1' };
    await readOncePerEvent(first, { select: { title: true } }, read);
    await readOncePerEvent(first, { select: { title: true, messages: { where: { internal: false } } } }, read);
    await readOncePerEvent({ ticketId: 't1' }, { select: { title: true } }, read);
    expect(reads).toBe(3);
  });
});
