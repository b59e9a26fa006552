/** The small authenticated query the GraphQL benchmarks send. */
export const benchQuery = '{ viewer { kind } tickets(first: 1) { edges { node { displayNumber title status } } } }';
