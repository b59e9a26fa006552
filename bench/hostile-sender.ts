// Sends the hostile documents to a server for a while, in its own process (so the benchmark's normal
// client does not share its event loop): two HTTP loops and one graphql-ws connection, each going
// round the documents one at a time. Usage:
//   node --import tsx bench/hostile-sender.ts <port> <seconds> [all|small|healthz] [requests a second]
// (`small`: only the requests under 64 KB; `healthz`: the control, GET /healthz over the two HTTP
// loops and nothing over the socket, the cheapest answer the server has; a rate paces the loops
// together to about that many requests a second, else each sends as soon as the last is answered)
// — prints `{"ready":true}` when it starts sending, then, after <seconds>, one JSON line: per document
// and transport, how often each outcome came back, and the slowest answer in ms.
import { hostileRequests as all, hostileSocket, type Outcome, sendOverHttp, sendOverSocket } from './lib/hostile.ts';

const port = Number(process.argv[2]);
const seconds = Number(process.argv[3] ?? 10);
const mode = process.argv[4];
const rate = Number(process.argv[5] ?? 0);
const loops = mode === 'healthz' ? 2 : 3;
/** With a rate: each loop's n-th request goes no earlier than this (ms after the start). */
const paced = (n: number) => (rate > 0 ? (n * 1000 * loops) / rate : 0);
const hostileRequests = mode === 'small' ? all.filter((r) => JSON.stringify(r).length < 65_536) : all;

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

const socket = hostileSocket(port);
const byIndex = (index: number) => hostileRequests[index] ?? { name: '', query: '' };
const half = Math.floor(hostileRequests.length / 2);
process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
const begun = performance.now();
const deadline = begun + seconds * 1000;
const health = () =>
  fetch(`http://127.0.0.1:${port}/healthz`).then(async (response) => {
    await response.arrayBuffer();
    return `HTTP ${response.status}`;
  });
await Promise.all(
  mode === 'healthz'
    ? [loop('HTTP', 0, health), loop('HTTP', half, health)]
    : [
        loop('HTTP', 0, (index) => sendOverHttp(port, byIndex(index))),
        loop('HTTP', half, (index) => sendOverHttp(port, byIndex(index))),
        loop('WebSocket', 0, (index) => sendOverSocket(socket, byIndex(index))),
      ],
);
await socket.dispose();
process.stdout.write(`${JSON.stringify({ sent, outcomes, slowestMs })}\n`);
process.exit(0);
