import { PrismaPg } from 'prisma-six-adapter-pg';

// Prisma's JS schema engine reads catalog columns of type `name` (OID 19), which
// @prisma/adapter-pg 6.19 cannot map (prisma/orm#27403). Reporting them as text (OID 25)
// lets `prisma migrate status` and `db push` work. Only the CLI uses this; the app doesn't.
const NAME_OID = 19;
const TEXT_OID = 25;

type Field = { dataTypeID: number };
type Queryable = { performIO?: (...args: unknown[]) => Promise<{ fields?: Field[] }> };

function patchQueryable<T>(queryable: T): T {
  const target = queryable as unknown as Queryable;
  const original = target.performIO?.bind(target);
  if (!original) return queryable;
  target.performIO = async (...args: unknown[]) => {
    const result = await original(...args);
    if (result.fields) {
      result.fields = result.fields.map((field) =>
        field.dataTypeID === NAME_OID ? { ...field, dataTypeID: TEXT_OID } : field,
      );
    }
    return result;
  };
  return queryable;
}

function patchAdapter<T extends object>(adapter: T): T {
  patchQueryable(adapter);
  const withTx = adapter as unknown as { startTransaction?: (...args: unknown[]) => Promise<unknown> };
  const start = withTx.startTransaction?.bind(adapter);
  if (start) withTx.startTransaction = async (...args: unknown[]) => patchQueryable(await start(...args));
  return adapter;
}

export function pgAdapterForPrismaCli(url: string, schema: string) {
  const factory = new PrismaPg({ connectionString: url }, { schema });
  const connect = factory.connect.bind(factory);
  const connectToShadowDb = factory.connectToShadowDb.bind(factory);
  factory.connect = async () => patchAdapter(await connect());
  factory.connectToShadowDb = async () => patchAdapter(await connectToShadowDb());
  return factory;
}
