/** The statements and expressions of the servers' small SQL. */
export type SqlValue = string | number | boolean | null;

export type Expr =
  | { k: 'lit'; v: SqlValue }
  | { k: 'col'; name: string; at: number }
  | { k: 'star' }
  | { k: 'bin'; op: string; l: Expr; r: Expr }
  | { k: 'un'; op: 'NOT' | '-'; e: Expr }
  | { k: 'call'; name: string; args: Expr[]; star: boolean; at: number }
  | { k: 'isnull'; e: Expr; not: boolean }
  | { k: 'like'; e: Expr; pattern: Expr; not: boolean }
  | { k: 'in'; e: Expr; list: Expr[]; not: boolean }
  | { k: 'cast'; e: Expr; type: string };

export interface SelectItem {
  e: Expr;
  alias?: string;
  /** the text as written, for MySQL's column headers (`1+1`) */
  text: string;
}

export interface ColumnDef {
  name: string;
  type: string;
  notNull: boolean;
  primary: boolean;
  unique: boolean;
  serial: boolean;
  default?: Expr;
}

export type Statement =
  | {
      k: 'select';
      items: SelectItem[];
      from?: { name: string; at: number };
      where?: Expr;
      order: { e: Expr; desc: boolean }[];
      limit?: number;
    }
  | { k: 'insert'; table: string; at: number; columns?: string[]; rows: Expr[][] }
  | { k: 'update'; table: string; at: number; set: [string, Expr][]; where?: Expr }
  | { k: 'delete'; table: string; at: number; where?: Expr }
  | { k: 'create-table'; table: string; ifNotExists: boolean; columns: ColumnDef[] }
  | { k: 'drop-table'; tables: string[]; ifExists: boolean; at: number }
  | { k: 'create-db'; name: string; ifNotExists: boolean }
  | { k: 'drop-db'; name: string; ifExists: boolean }
  | { k: 'show'; what: 'databases' | 'tables' }
  | { k: 'use'; name: string }
  | { k: 'noop'; tag: string };
