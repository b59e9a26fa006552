/** What the loader hands over: the page's own fetch and what its wrappers captured. */
export interface Services {
  /** The page's fetch before the loader's wrapper: the widget's calls are not the page's failures. */
  fetch: typeof fetch;
  captured(): { errors: string[]; requests: string[] };
}

export const env: Services = {
  fetch: (...args) => fetch(...args),
  captured: () => ({ errors: [], requests: [] }),
};
