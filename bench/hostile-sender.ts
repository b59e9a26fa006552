// Sends the hostile documents to a server for a while, in its own process (so the benchmark's normal
// client does not share its event loop): two HTTP loops and one graphql-ws connection, each going
// round the documents one at a time. Usage:
//   node --import tsx bench/hostile-sender.ts <port> <seconds> [all|small|ordinary|healthz] [requests a second]
// (`small`: only the requests under 64 KB; `ordinary`: a control, the widget's viewer query instead of
// each hostile document, a new text each time as theirs are; `healthz`: the other control, GET
// /healthz over the two HTTP loops and nothing over the socket, the cheapest answer the server has; a rate paces the loops
// together to about that many requests a second, else each sends as soon as the last is answered)
// — prints `{"ready":true}` when it starts sending, then, after <seconds>, one JSON line: per document
// and transport, how often each outcome came back, and the slowest answer in ms.
import { type Agent, get } from 'node:http';
import { viewer as viewerQuery } from '../packages/widget/src/queries.ts';
import {
  hostileRequests as all,
  encodeForHttp,
  encodeForSocket,
  HostileSocket,
  httpAgent,
  type Outcome,
  sendOverHttp,
} from './lib/hostile.ts';

const port = Number(process.argv[2]);
const seconds = Number(process.argv[3] ?? 10);
const mode = process.argv[4];
const rate = Number(process.argv[5] ?? 0);
const loops = mode === 'healthz' ? 2 : 3;
/** With a rate: each loop's n-th request goes no earlier than this (ms after the start). */
const paced = (n: number) => (rate > 0 ? (n * 1000 * loops) / rate : 0);
/** What a visitor's page sends most: the widget's question of who it is (a new comment each time, as every copy gets). */
const ordinary = [{ name: 'ordinary: the widget’s viewer query', query: viewerQuery }];
const hostileRequests =
  mode === 'small' ? all.filter((r) => JSON.stringify(r).length < 65_536) : mode === 'ordinary' ? ordinary : all;

const outcomes: Record<string, Record<Outcome, number>> = {};
const slowestMs: Record<string, number> = {};
let sent = 0;

async function loop(transport: 'HTTP' | 'WebSocket', first: number, send: (index: number) => Promise<Outcome>) {
  for (let i = first; performance.now() < deadline; i++) {
    const request = hostileRequests[i % hostileRequests.length];
    if (!request) break;
    const wait = begun + paced(i - first) - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const started = performance.now();
    const outcome = await send(i % hostileRequests.length);
    const key = `${request.name} | ${transport}`;
    const counts = outcomes[key] ?? {};
    outcomes[key] = counts;
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    slowestMs[key] = Math.max(slowestMs[key] ?? 0, performance.now() - started);
    sent++;
  }
}

const socket = new HostileSocket(port);
// Encoded once: sending a copy joins bytes (see EncodedRequest).
const overHttp = hostileRequests.map(encodeForHttp);
const overSocket = hostileRequests.map(encodeForSocket);
const at = <T>(list: T[], index: number): T => {
  const item = list[index];
  if (!item) throw new Error(`no request ${index}`);
  return item;
};
const half = Math.floor(hostileRequests.length / 2);
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
const begun = performance.now();
const deadline = begun + seconds * 1000;
const health = (agent: Agent) => () =>
  new Promise<Outcome>((resolve) => {
    const asked = get({ host: '127.0.0.1', port, path: '/healthz', agent }, (response) => {
      response.resume();
      response.on('end', () => resolve(`HTTP ${response.statusCode}`));
    });
    asked.on('error', () => resolve('network error'));
  });
const [first, second] = [httpAgent(), httpAgent()];
await Promise.all(
  mode === 'healthz'
    ? [loop('HTTP', 0, health(first)), loop('HTTP', half, health(second))]
    : [
        loop('HTTP', 0, (index) => sendOverHttp(port, first, at(overHttp, index))),
        loop('HTTP', half, (index) => sendOverHttp(port, second, at(overHttp, index))),
        loop('WebSocket', 0, (index) => socket.send(at(overSocket, index))),
      ],
);
await socket.dispose();
process.stdout.write(`${JSON.stringify({ sent, outcomes, slowestMs })}\n`);
process.exit(0);
