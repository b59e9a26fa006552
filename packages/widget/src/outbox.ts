/**
 * Submissions that could not reach the server, kept in IndexedDB (files included) until
 * they are sent with the same idempotency key, so each is created exactly once.
 */
export interface Pending {
  idempotencyKey: string;
  /**
   * A random secret sent with every attempt under this key: a retry gets a new access token only
   * with it (entries kept by an older widget have none).
   */
  submitNonce?: string;
  siteKey: string;
  input: Record<string, unknown>;
  files: File[];
  /** The signed-in contact's session at the time of filing; none for a visitor. */
  token?: string | null;
}

const open = () =>
  new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open('caredesk-outbox', 1);
    request.onupgradeneeded = () => request.result.createObjectStore('pending', { keyPath: 'idempotencyKey' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });

async function run<T>(mode: IDBTransactionMode, act: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const db = await open();
  try {
    return await new Promise<T>((resolve, reject) => {
      const request = act(db.transaction('pending', mode).objectStore('pending'));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

export const outbox = {
  put: (pending: Pending) => run('readwrite', (store) => store.put(pending)),
  remove: (key: string) => run('readwrite', (store) => store.delete(key)),
  all: async (siteKey: string) =>
    ((await run('readonly', (store) => store.getAll())) as Pending[]).filter((p) => p.siteKey === siteKey),
};
