import { fakePromise, handleMaybePromise, iterateAsync } from '@whatwg-node/promise-helpers';
import { describe, expect, it } from 'vitest';

// @whatwg-node/promise-helpers as the server loads it (patches/@whatwg-node__promise-helpers@1.3.2.patch):
// yoga and envelop run every hook of every plugin through these two, and the patch answers at once
// while nothing is a promise instead of building fake promises (decision 26). What each answers, and
// when, must stay what the unpatched helpers answered.

const later = <T>(value: T) => new Promise<T>((resolve) => setImmediate(() => resolve(value)));
const failLater = (error: Error) => new Promise<never>((_, reject) => setImmediate(() => reject(error)));

describe('handleMaybePromise', () => {
  it('should give a plain value to the success callback at once and answer with its result, not a promise', () => {
    const answer = handleMaybePromise(
      () => 2,
      (value) => value * 10,
    );
    expect(answer).toBe(20);
  });

  it('should answer with a promise of the success callback’s result when the input is a promise', async () => {
    const answer = handleMaybePromise(
      () => later(2),
      (value) => value * 10,
    );
    expect(answer).toBeInstanceOf(Promise);
    await expect(answer).resolves.toBe(20);
  });

  it('should give an input that throws to the error callback, and throw it when there is none', () => {
    const boom = new Error('boom');
    const thrower = () => {
      throw boom;
    };
    expect(
      handleMaybePromise(
        thrower,
        () => 'success',
        (error) => `handled ${(error as Error).message}`,
      ),
    ).toBe('handled boom');
    expect(() => handleMaybePromise(thrower, () => 'success')).toThrow(boom);
  });

  it('should give a rejected input to the error callback', async () => {
    await expect(
      handleMaybePromise(
        () => failLater(new Error('late')),
        () => 'success',
        (error) => `handled ${(error as Error).message}`,
      ),
    ).resolves.toBe('handled late');
  });

  it('should throw what the success callback throws, without giving it to the error callback', () => {
    const onError = (error: unknown) => `handled ${String(error)}`;
    expect(() =>
      handleMaybePromise(
        () => 1,
        () => {
          throw new Error('in success');
        },
        onError,
      ),
    ).toThrow('in success');
  });

  it('should unwrap a fake promise the success callback answers with', () => {
    expect(
      handleMaybePromise(
        () => 1,
        (value) => fakePromise(value + 1),
      ),
    ).toBe(2);
  });

  it('should run the finally callback after a plain value and after an error', () => {
    const ran: string[] = [];
    expect(
      handleMaybePromise(
        () => 1,
        (value) => value + 1,
        undefined,
        () => {
          ran.push('after value');
        },
      ),
    ).toBe(2);
    expect(() =>
      handleMaybePromise(
        () => {
          throw new Error('x');
        },
        (value) => value,
        undefined,
        () => {
          ran.push('after error');
        },
      ),
    ).toThrow('x');
    expect(ran).toEqual(['after value', 'after error']);
  });
});

describe('iterateAsync', () => {
  it('should call every callback in order, at once, and collect what each answers', () => {
    const seen: string[] = [];
    const results: string[] = [];
    const answer = iterateAsync(
      ['a', 'b', 'c'],
      (item, _endEarly, index) => {
        seen.push(`${item}${index}`);
        return item === 'b' ? undefined : item.toUpperCase();
      },
      results,
    );
    expect(answer).toBeUndefined();
    expect(seen).toEqual(['a0', 'b1', 'c2']);
    expect(results).toEqual(['A', 'C']);
  });

  it('should stop after the callback that ends early', () => {
    const seen: number[] = [];
    iterateAsync([1, 2, 3], (item, endEarly) => {
      seen.push(item);
      if (item === 2) endEarly();
    });
    expect(seen).toEqual([1, 2]);
  });

  it('should go on after a callback that answers with a promise, and resolve once all have run', async () => {
    const seen: string[] = [];
    const results: string[] = [];
    const answer = iterateAsync(
      ['sync', 'async', 'after'],
      (item) => {
        seen.push(item);
        return item === 'async' ? later('from async') : undefined;
      },
      results,
    );
    expect(seen).toEqual(['sync', 'async']);
    expect(answer).toBeInstanceOf(Promise);
    await answer;
    expect(seen).toEqual(['sync', 'async', 'after']);
    expect(results).toEqual(['from async']);
  });

  it('should stop when a callback ends early after it waited', async () => {
    const seen: number[] = [];
    await iterateAsync([1, 2, 3], async (item, endEarly) => {
      seen.push(item);
      await later(null);
      if (item === 1) endEarly();
    });
    expect(seen).toEqual([1]);
  });

  it('should throw what a callback throws, and reject with what a later one rejects with', async () => {
    expect(() =>
      iterateAsync([1], () => {
        throw new Error('sync failure');
      }),
    ).toThrow('sync failure');
    await expect(
      iterateAsync([1, 2], (item) => (item === 1 ? later(undefined) : failLater(new Error('async failure')))),
    ).rejects.toThrow('async failure');
  });

  it('should take any iterable, not only arrays', () => {
    const seen: string[] = [];
    iterateAsync(new Set(['x', 'y']), (item, _endEarly, index) => {
      seen.push(`${item}${index}`);
    });
    expect(seen).toEqual(['x0', 'y1']);
  });

  it('should see items added to the array while it runs, as the array’s own iterator does', () => {
    const items = [1];
    const seen: number[] = [];
    iterateAsync(items, (item) => {
      seen.push(item);
      if (item < 3) items.push(item + 1);
    });
    expect(seen).toEqual([1, 2, 3]);
  });
});

describe('iterateAsync as patched', () => {
  it('should run a hundred thousand callbacks that answer at once in a loop, not a recursion that runs out of stack', () => {
    let count = 0;
    iterateAsync(Array.from({ length: 100_000 }), () => {
      count++;
    });
    expect(count).toBe(100_000);
  });
});
