import fs from 'node:fs';
import path from 'node:path';
import { get_dmmf } from '@prisma/prisma-schema-wasm';
import pg from 'pg';

/**
 * The shape of a database schema (enums, tables, columns with type, nullability and database-side default,
 * primary keys, unique and plain indexes, foreign keys, all with their names) worked out two ways: from
 * schema.prisma through Prisma's own schema parser, and from a migrated database through the catalogue.
 * `prisma migrate diff` would do this with the native schema engine, which cannot be installed here; comparing
 * the two shapes catches the same disagreements in everything these migrations use.
 */

export interface ColumnShape {
  type: string;
  nullable: boolean;
  default: string | null;
}

export interface TableShape {
  columns: Record<string, ColumnShape>;
  /** "name(columns)" */
  primaryKey: string;
  /** "name(columns)", sorted */
  uniqueIndexes: string[];
  indexes: string[];
  /** "name: columns -> Table(columns) ON DELETE action", sorted */
  foreignKeys: string[];
}

export interface SchemaShape {
  enums: Record<string, string[]>;
  tables: Record<string, TableShape>;
}

export const SCHEMA_PATH = path.join(process.cwd(), 'prisma', 'schema.prisma');

// ---- from schema.prisma -------------------------------------------------------------------------------------

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  type: string;
  isList: boolean;
  isRequired: boolean;
  isId: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationName?: string;
}

interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
  primaryKey: { name: string | null; fields: string[] } | null;
}

interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  dbName?: string | null;
  fields: Array<{ name: string }>;
}

interface Dmmf {
  datamodel: {
    enums: Array<{ name: string; dbName?: string | null; values: Array<{ name: string; dbName?: string | null }> }>;
    models: DmmfModel[];
    indexes: DmmfIndex[];
  };
}

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  DateTime: 'timestamp(3)',
  Json: 'jsonb',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  Bytes: 'bytea',
};

export function shapeFromPrismaSchema(schemaText: string): SchemaShape {
  const dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schemaText]] }))) as Dmmf;
  const models = new Map(dmmf.datamodel.models.map((model) => [model.name, model]));
  const tableName = (model: DmmfModel) => model.dbName ?? model.name;
  const columnName = (model: DmmfModel, fieldName: string) => {
    const field = model.fields.find((candidate) => candidate.name === fieldName);
    if (!field) throw new Error(`${model.name}.${fieldName} not found`);
    return field.dbName ?? field.name;
  };

  const enums = Object.fromEntries(
    dmmf.datamodel.enums.map((enumeration) => [
      enumeration.dbName ?? enumeration.name,
      enumeration.values.map((value) => value.dbName ?? value.name),
    ]),
  );

  const tables: Record<string, TableShape> = {};
  for (const model of dmmf.datamodel.models) {
    const table = tableName(model);
    const columns: Record<string, ColumnShape> = {};
    for (const field of model.fields) {
      if (field.kind === 'object') continue;
      columns[field.dbName ?? field.name] = {
        type: prismaColumnType(field),
        nullable: !field.isRequired && !field.isList,
        default: prismaDefault(field),
      };
    }

    const indexesOf = (type: DmmfIndex['type']) =>
      dmmf.datamodel.indexes
        .filter((index) => index.model === model.name && index.type === type)
        .map((index) => {
          const fieldColumns = index.fields.map((field) => columnName(model, field.name));
          const suffix = type === 'unique' ? 'key' : type === 'id' ? 'pkey' : 'idx';
          const name =
            index.dbName ?? (type === 'id' ? `${table}_pkey` : `${table}_${fieldColumns.join('_')}_${suffix}`);
          return `${name}(${fieldColumns.join(',')})`;
        })
        .sort();

    const foreignKeys = model.fields
      .filter((field) => field.kind === 'object' && field.relationFromFields && field.relationFromFields.length > 0)
      .map((field) => {
        const target = models.get(field.type)!;
        const from = field.relationFromFields!.map((name) => columnName(model, name));
        const to = field.relationToFields!.map((name) => columnName(target, name));
        const required = field.relationFromFields!.every(
          (name) => model.fields.find((candidate) => candidate.name === name)?.isRequired,
        );
        const onDelete = field.relationOnDelete ?? (required ? 'Restrict' : 'SetNull');
        return `${table}_${from.join('_')}_fkey: ${from.join(',')} -> ${tableName(target)}(${to.join(',')}) ON DELETE ${referentialAction(onDelete)}`;
      })
      .sort();

    tables[table] = {
      columns,
      primaryKey: indexesOf('id')[0] ?? '',
      uniqueIndexes: indexesOf('unique'),
      indexes: indexesOf('normal'),
      foreignKeys,
    };
  }
  return { enums, tables };
}

function prismaColumnType(field: DmmfField): string {
  let type: string;
  if (field.kind === 'enum') type = `enum:${field.type}`;
  else if (field.nativeType) type = nativeType(field.nativeType);
  else {
    const scalar = SCALAR_TYPES[field.type];
    if (!scalar) throw new Error(`schema-shape does not know the Prisma type ${field.type} yet: teach it`);
    type = scalar;
  }
  return field.isList ? `${type}[]` : type;
}

function nativeType([name, args]: [string, string[]]): string {
  const simple: Record<string, string> = {
    Text: 'text',
    Uuid: 'uuid',
    Inet: 'inet',
    Integer: 'integer',
    BigInt: 'bigint',
    JsonB: 'jsonb',
    Json: 'json',
    Date: 'date',
  };
  if (simple[name]) return simple[name];
  if (name === 'VarChar') return `varchar(${args[0]})`;
  if (name === 'Timestamptz') return `timestamptz(${args[0] ?? 6})`;
  if (name === 'Timestamp') return `timestamp(${args[0] ?? 6})`;
  throw new Error(`schema-shape does not know the native type @db.${name} yet: teach it`);
}

/** Only defaults that live in the database count: cuid(), uuid() and @updatedAt are filled in by Prisma Client. */
function prismaDefault(field: DmmfField): string | null {
  if (!field.hasDefaultValue || field.default === undefined) return null;
  const value = field.default;
  if (typeof value === 'object' && value !== null && 'name' in value) {
    const name = (value as { name: string }).name;
    if (name === 'autoincrement') return 'autoincrement';
    if (name === 'now') return 'now';
    if (name === 'dbgenerated') return 'dbgenerated';
    return null;
  }
  return `literal:${String(value)}`;
}

function referentialAction(action: string): string {
  const actions: Record<string, string> = {
    Cascade: 'CASCADE',
    Restrict: 'RESTRICT',
    SetNull: 'SET NULL',
    NoAction: 'NO ACTION',
    SetDefault: 'SET DEFAULT',
  };
  return actions[action] ?? action;
}

export function shapeFromSchemaFile(file = SCHEMA_PATH): SchemaShape {
  return shapeFromPrismaSchema(fs.readFileSync(file, 'utf8'));
}

// ---- from the database --------------------------------------------------------------------------------------

export async function shapeFromDatabase(databaseUrl: string, schema = 'public'): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const enumRows = await client.query<{ name: string; label: string }>(
      `SELECT t.typname AS name, e.enumlabel AS label
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
        WHERE n.nspname = $1 ORDER BY t.typname, e.enumsortorder`,
      [schema],
    );
    const enums: Record<string, string[]> = {};
    for (const row of enumRows.rows) (enums[row.name] ??= []).push(row.label);

    const columnRows = await client.query<{
      table_name: string;
      column_name: string;
      data_type: string;
      udt_name: string;
      is_nullable: 'YES' | 'NO';
      column_default: string | null;
      character_maximum_length: number | null;
      datetime_precision: number | null;
      numeric_precision: number | null;
      numeric_scale: number | null;
    }>(
      `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length,
              datetime_precision, numeric_precision, numeric_scale
         FROM information_schema.columns
        WHERE table_schema = $1 AND table_name <> '_prisma_migrations'
        ORDER BY table_name, ordinal_position`,
      [schema],
    );
    const tables: Record<string, TableShape> = {};
    for (const row of columnRows.rows) {
      const table = (tables[row.table_name] ??= {
        columns: {},
        primaryKey: '',
        uniqueIndexes: [],
        indexes: [],
        foreignKeys: [],
      });
      table.columns[row.column_name] = {
        type: databaseColumnType(row),
        nullable: row.is_nullable === 'YES',
        default: databaseDefault(row.column_default),
      };
    }

    const indexRows = await client.query<{
      table: string;
      name: string;
      primary: boolean;
      unique: boolean;
      columns: string[];
    }>(
      `SELECT t.relname AS table, i.relname AS name, x.indisprimary AS primary, x.indisunique AS unique,
              array_agg(a.attname::text ORDER BY k.ordinality) AS columns
         FROM pg_index x
         JOIN pg_class t ON t.oid = x.indrelid
         JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         JOIN LATERAL unnest(x.indkey) WITH ORDINALITY AS k(attnum, ordinality) ON true
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE n.nspname = $1 AND t.relname <> '_prisma_migrations'
        GROUP BY t.relname, i.relname, x.indisprimary, x.indisunique`,
      [schema],
    );
    for (const row of indexRows.rows) {
      const table = tables[row.table];
      if (!table) continue;
      const described = `${row.name}(${row.columns.join(',')})`;
      if (row.primary) table.primaryKey = described;
      else if (row.unique) table.uniqueIndexes.push(described);
      else table.indexes.push(described);
    }

    const foreignKeyRows = await client.query<{
      table: string;
      name: string;
      columns: string[];
      target: string;
      target_columns: string[];
      on_delete: string;
    }>(
      `SELECT t.relname AS table, c.conname AS name, r.relname AS target, c.confdeltype AS on_delete,
              (SELECT array_agg(a.attname::text ORDER BY k.ordinality) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ordinality)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS columns,
              (SELECT array_agg(a.attname::text ORDER BY k.ordinality) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, ordinality)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS target_columns
         FROM pg_constraint c
         JOIN pg_class t ON t.oid = c.conrelid
         JOIN pg_class r ON r.oid = c.confrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE c.contype = 'f' AND n.nspname = $1`,
      [schema],
    );
    const actions: Record<string, string> = {
      a: 'NO ACTION',
      r: 'RESTRICT',
      c: 'CASCADE',
      n: 'SET NULL',
      d: 'SET DEFAULT',
    };
    for (const row of foreignKeyRows.rows) {
      tables[row.table]?.foreignKeys.push(
        `${row.name}: ${row.columns.join(',')} -> ${row.target}(${row.target_columns.join(',')}) ON DELETE ${actions[row.on_delete]}`,
      );
    }
    for (const table of Object.values(tables)) {
      table.uniqueIndexes.sort();
      table.indexes.sort();
      table.foreignKeys.sort();
    }
    return { enums, tables };
  } finally {
    await client.end();
  }
}

function databaseColumnType(row: {
  data_type: string;
  udt_name: string;
  character_maximum_length: number | null;
  datetime_precision: number | null;
  numeric_precision: number | null;
  numeric_scale: number | null;
}): string {
  if (row.data_type === 'ARRAY')
    return `${databaseColumnType({ ...row, data_type: row.udt_name.replace(/^_/, '') })}[]`;
  switch (row.data_type) {
    case 'USER-DEFINED':
      return `enum:${row.udt_name}`;
    case 'timestamp without time zone':
      return `timestamp(${row.datetime_precision})`;
    case 'timestamp with time zone':
      return `timestamptz(${row.datetime_precision})`;
    case 'character varying':
      return `varchar(${row.character_maximum_length})`;
    case 'numeric':
      return `numeric(${row.numeric_precision},${row.numeric_scale})`;
    default:
      return row.data_type;
  }
}

function databaseDefault(columnDefault: string | null): string | null {
  if (columnDefault === null) return null;
  if (columnDefault.startsWith('nextval(')) return 'autoincrement';
  if (columnDefault === 'CURRENT_TIMESTAMP' || columnDefault === 'now()') return 'now';
  const literal = /^'((?:[^']|'')*)'::[\w".]+$/.exec(columnDefault);
  if (literal) return `literal:${literal[1]!.replace(/''/g, "'")}`;
  if (/^-?\d+(\.\d+)?$/.test(columnDefault) || columnDefault === 'true' || columnDefault === 'false')
    return `literal:${columnDefault}`;
  return 'dbgenerated';
}
