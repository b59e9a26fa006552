/** Why a connection was not let in. */
export type Refusal = 'address' | 'total';

/** A place taken by an open connection; give it back when the connection closes. */
export interface Place {
  release(): void;
}

/**
 * Counts open connections per client address and in total, and lets a new one in only while
 * both are under their caps. Synchronous, so connections arriving together cannot all slip in.
 */
export function connectionGate(limits: { perAddress: number; total: number }) {
  const open = new Map<string, number>();
  let total = 0;
  return {
    admit(address: string): Place | Refusal {
      const mine = open.get(address) ?? 0;
      if (mine >= limits.perAddress) return 'address';
      if (total >= limits.total) return 'total';
      open.set(address, mine + 1);
      total += 1;
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          total -= 1;
          const left = (open.get(address) ?? 1) - 1;
          if (left > 0) open.set(address, left);
          else open.delete(address);
        },
      };
    },
    /** Open connections of one address (for tests and logs). */
    openFrom(address: string): number {
      return open.get(address) ?? 0;
    },
  };
}
