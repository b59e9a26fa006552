export * from './charged-line.ts';
export * from './money.ts';
export * from './month-bill.ts';
export * from './months.ts';
export * from './rules.ts';
export * from './terms.ts';
