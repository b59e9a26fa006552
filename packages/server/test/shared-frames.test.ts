import { GraphQLError } from 'graphql';
import { stringifyMessage } from 'graphql-ws';
import { describe, expect, it } from 'vitest';
import { markShared, sharedFrames } from '../src/subscriptions/shared-frames.ts';

/** What graphql-ws does for a `next` message, then the socket's send: the frame that goes out. */
function sendNext(frames: ReturnType<typeof sharedFrames>, id: string, result: ReturnType<typeof markShared>) {
  const { errors, ...rest } = result;
  const payload = frames.onNext(result) ?? { ...rest, ...(errors ? { errors: errors.map((e) => e.toJSON()) } : {}) };
  return frames.frame(stringifyMessage({ id, type: 'next', payload } as never, frames.replacer)) as string;
}

/** A result whose data counts how often it is serialized. */
function countedResult() {
  const counter = { times: 0 };
  const ticket = { title: 'Не грузится каталог', toJSON: () => ({ title: 'Не грузится каталог', n: ++counter.times }) };
  return { shared: { data: { ticketUpdated: ticket } }, counter };
}

describe('shared frames', () => {
  it('should serialize a shared result once and send each subscriber a frame with its own id', () => {
    const frames = sharedFrames();
    const { shared, counter } = countedResult();
    const sent = ['1', '2', 'b7c0'].map((id) => sendNext(frames, id, markShared(shared)));
    expect(counter.times).toBe(1);
    expect(sent.map((frame) => JSON.parse(frame))).toEqual(
      ['1', '2', 'b7c0'].map((id) => ({
        id,
        type: 'next',
        payload: { data: { ticketUpdated: { title: 'Не грузится каталог', n: 1 } } },
      })),
    );
  });

  it('should serialize as usual a copy a plugin changed, and a result with errors', () => {
    const frames = sharedFrames();
    const { shared, counter } = countedResult();
    const changed = markShared(shared);
    changed.extensions = { note: 'added later' };
    expect(JSON.parse(sendNext(frames, '1', changed)).payload.extensions).toEqual({ note: 'added later' });
    const failed = markShared({ data: null, errors: [new GraphQLError('Not allowed. / Недостаточно прав.')] });
    expect(JSON.parse(sendNext(frames, '2', failed)).payload).toEqual({
      data: null,
      errors: [{ message: 'Not allowed. / Недостаточно прав.' }],
    });
    expect(JSON.parse(sendNext(frames, '3', markShared(shared))).payload.data.ticketUpdated.n).toBe(2);
    expect(counter.times).toBe(2);
  });

  it('should leave alone a message that merely ends like a marked one', () => {
    const frames = sharedFrames();
    const mimic = `x","payload":"\\u0000caredesk-shared-result"}`;
    const plain = stringifyMessage({ id: mimic, type: 'complete' } as never, frames.replacer);
    expect(frames.frame(plain)).toBe(plain);
    const { shared } = countedResult();
    const frame = sendNext(frames, mimic, markShared(shared));
    expect(JSON.parse(frame)).toMatchObject({ id: mimic, payload: { data: { ticketUpdated: { n: 1 } } } });
  });
});
