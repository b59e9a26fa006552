// The widget proper, imported by the loader: defines the element and the public API.
import { env, type Services } from './env.ts';
import { type CaredeskApi, createApi } from './public-api.ts';

/** Starts the widget with the loader's settings and captured page state. */
export function start(data: Record<string, string | undefined>, server: string, services: Services): CaredeskApi {
  Object.assign(env, services);
  return createApi(data, server);
}
