import type { BrowserContext, Page } from 'playwright-core';

/** The subscribe messages held back on their way to the server, and how to let them go. */
export interface HeldSubscriptions {
  /** From now on, hold the subscribe messages the predicate picks. */
  hold(): void;
  /** How many are held. */
  count(): number;
  /** Sends the held messages on, in order, and holds no more. */
  release(): void;
}

/**
 * Puts a route between the browser and the server's /graphql sockets that can hold back the
 * graphql-ws `subscribe` messages whose query `picks` chooses, as a slow network (or a connection
 * coming back) would hold them; every other message goes straight through. The route stays on
 * `target` (a page, or a browser context: all its pages).
 */
export async function heldSubscriptions(
  target: Page | BrowserContext,
  picks: (query: string) => boolean,
): Promise<HeldSubscriptions> {
  let holding = false;
  const held: string[] = [];
  let toServer: (message: string) => void = () => {};
  await target.routeWebSocket(/\/graphql$/, (ws) => {
    const server = ws.connectToServer();
    toServer = (message) => server.send(message);
    ws.onMessage((message) => {
      const text = String(message);
      const sent = JSON.parse(text) as { type?: string; payload?: { query?: string } };
      if (holding && sent.type === 'subscribe' && picks(sent.payload?.query ?? '')) held.push(text);
      else server.send(message);
    });
  });
  return {
    hold: () => {
      holding = true;
    },
    count: () => held.length,
    release: () => {
      holding = false;
      for (const message of held.splice(0)) toServer(message);
    },
  };
}
