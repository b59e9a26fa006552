// A client at a steady pace, for latencies whose 99th percentile means something. Each request
// leaves at its own time (20 ms apart at 50 a second) whether or not the ones before came back, over
// a few kept-alive connections; one that finds them all busy waits for one, and that wait counts.
// Times are kept to the microsecond: autocannon's are whole milliseconds, a tenth of a p99 of 10 ms.
import { Agent, request as httpRequest } from 'node:http';
import { sortedNumbers } from './target.ts';

export interface PacedOptions {
  port: number;
  path: string;
  headers: Record<string, string>;
  body: string;
  /** Requests a second. */
  rate: number;
  seconds: number;
  connections: number;
}

export interface PacedRun {
  /** Each answered request's time in ms, from the moment it was sent to its answer's last byte; sorted. */
  latencies: number[];
  /** Network errors and answers other than 2xx. */
  errors: number;
  /** Requests answered a second. */
  rps: number;
}

/** POSTs `body` at `rate` requests a second for `seconds`, and measures every answer. */
export async function pacedRequests(options: PacedOptions): Promise<PacedRun> {
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const body = Buffer.from(options.body);
  const latencies: number[] = [];
  let errors = 0;
  const sendOne = () =>
    new Promise<void>((resolve) => {
      const sent = performance.now();
      const asked = httpRequest(
        {
          host: '127.0.0.1',
          port: options.port,
          path: options.path,
          method: 'POST',
          agent,
          headers: { ...options.headers, 'content-length': String(body.length) },
        },
        (response) => {
          response.resume();
          response.on('end', () => {
            if ((response.statusCode ?? 0) >= 300) errors++;
            else latencies.push(performance.now() - sent);
            resolve();
          });
        },
      );
      asked.on('error', () => {
        errors++;
        resolve();
      });
      asked.end(body);
    });
  const count = Math.round(options.rate * options.seconds);
  const started = performance.now();
  const answers: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = started + (i * 1000) / options.rate - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    answers.push(sendOne());
  }
  await Promise.all(answers);
  const elapsed = (performance.now() - started) / 1000;
  agent.destroy();
  return { latencies: sortedNumbers(latencies), errors, rps: latencies.length / elapsed };
}
