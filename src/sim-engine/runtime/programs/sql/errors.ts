/** A failed statement, with what each server says about it. */
export type SqlErrorKind =
  | 'no-table'
  | 'no-column'
  | 'table-exists'
  | 'db-exists'
  | 'no-db'
  | 'no-db-selected'
  | 'syntax'
  | 'duplicate'
  | 'not-null'
  | 'bad-int'
  | 'too-many-values'
  | 'undefined-function'
  | 'drop-current-db';

export class SqlError extends Error {
  readonly kind: SqlErrorKind;
  /** offset in the statement, for PostgreSQL's LINE/caret */
  readonly at: number | undefined;
  readonly args: string[];
  constructor(kind: SqlErrorKind, args: string[], at?: number) {
    super(kind);
    this.kind = kind;
    this.args = args;
    this.at = at;
  }
}

/** PostgreSQL's message (after `ERROR:  `), and its DETAIL line if any. */
export function postgresMessage(e: SqlError): { message: string; detail?: string } {
  const [a = '', b = ''] = e.args;
  switch (e.kind) {
    case 'no-table':
      return { message: `relation "${a}" does not exist` };
    case 'no-column':
      return { message: `column "${a}" does not exist` };
    case 'table-exists':
      return { message: `relation "${a}" already exists` };
    case 'db-exists':
      return { message: `database "${a}" already exists` };
    case 'no-db':
      return { message: `database "${a}" does not exist` };
    case 'syntax':
      return { message: `syntax error at or near "${a}"` };
    case 'duplicate':
      return {
        message: `duplicate key value violates unique constraint "${a}"`,
        detail: `Key ${b} already exists.`,
      };
    case 'not-null':
      return { message: `null value in column "${a}" of relation "${b}" violates not-null constraint` };
    case 'bad-int':
      return { message: `invalid input syntax for type integer: "${a}"` };
    case 'too-many-values':
      return { message: 'INSERT has more expressions than target columns' };
    case 'undefined-function':
      return { message: `function ${a}() does not exist` };
    case 'drop-current-db':
      return { message: 'cannot drop the currently open database' };
    case 'no-db-selected':
      return { message: 'no database selected' };
  }
}

/** MySQL's `ERROR 1146 (42S02)` parts. */
export function mysqlMessage(e: SqlError, db: string): { code: number; state: string; message: string } {
  const [a = '', b = ''] = e.args;
  switch (e.kind) {
    case 'no-table':
      return { code: 1146, state: '42S02', message: `Table '${db}.${a}' doesn't exist` };
    case 'no-column':
      return { code: 1054, state: '42S22', message: `Unknown column '${a}' in '${b || 'field list'}'` };
    case 'table-exists':
      return { code: 1050, state: '42S01', message: `Table '${a}' already exists` };
    case 'db-exists':
      return { code: 1007, state: 'HY000', message: `Can't create database '${a}'; database exists` };
    case 'no-db':
      return { code: 1049, state: '42000', message: `Unknown database '${a}'` };
    case 'no-db-selected':
      return { code: 1046, state: '3D000', message: 'No database selected' };
    case 'syntax':
      return {
        code: 1064,
        state: '42000',
        message: `You have an error in your SQL syntax; check the manual that corresponds to your MySQL server version for the right syntax to use near '${a}' at line 1`,
      };
    case 'duplicate':
      return { code: 1062, state: '23000', message: `Duplicate entry '${b}' for key '${a}'` };
    case 'not-null':
      return { code: 1048, state: '23000', message: `Column '${a}' cannot be null` };
    case 'bad-int':
      return {
        code: 1366,
        state: 'HY000',
        message: `Incorrect integer value: '${a}' for column '${b}' at row 1`,
      };
    case 'too-many-values':
      return { code: 1136, state: '21S01', message: "Column count doesn't match value count at row 1" };
    case 'undefined-function':
      return { code: 1305, state: '42000', message: `FUNCTION ${db}.${a} does not exist` };
    case 'drop-current-db':
      return { code: 1008, state: 'HY000', message: `Can't drop database '${a}'; database doesn't exist` };
  }
}
