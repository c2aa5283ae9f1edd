/**
 * MySQL's data directory (/var/lib/mysql): the files `mysqld --initialize` leaves
 * (auto.cnf, the certificates, ibdata1, the redo and undo logs, mysql.ibd, a
 * directory per schema) and the simulation's catalog and accounts in it.
 *
 * Differs from MySQL: the data is dockyard-catalog.json rather than InnoDB tablespaces.
 */
import type { FileSystem } from '../../../fs/types.ts';
import type { Catalog } from '../sql/engine.ts';

export interface MysqlState {
  catalog: Catalog;
  /** `user@host` → password */
  accounts: Record<string, string>;
  clean: boolean;
}

export const DATADIR = '/var/lib/mysql';
const STATE = 'dockyard-catalog.json';
const SYSTEM_SCHEMAS = ['information_schema', 'mysql', 'performance_schema', 'sys'];

export function readState(fs: FileSystem): MysqlState | undefined {
  try {
    return JSON.parse(fs.readFile(`${DATADIR}/${STATE}`)) as MysqlState;
  } catch {
    return undefined;
  }
}

export function writeState(fs: FileSystem, state: MysqlState, owner: { uid: number; gid: number }): void {
  for (const db of Object.keys(state.catalog.databases)) {
    if (db !== 'information_schema' && !fs.stat(`${DATADIR}/${db}`))
      fs.mkdir(`${DATADIR}/${db}`, { mode: 0o750, ...owner });
  }
  fs.writeFile(`${DATADIR}/${STATE}`, JSON.stringify(state), { mode: 0o640, ...owner });
}

export function initialise(fs: FileSystem, owner: { uid: number; gid: number }, uuid: string): MysqlState {
  if (!fs.stat(DATADIR)) fs.mkdir(DATADIR, { parents: true, mode: 0o751, ...owner });
  const file = (name: string, text: string, mode = 0o640) =>
    fs.writeFile(`${DATADIR}/${name}`, text, { mode, ...owner });
  file('auto.cnf', `[auto]\nserver-uuid=${uuid}\n`);
  for (const pem of ['ca-key.pem', 'server-key.pem', 'private_key.pem'])
    file(pem, '-----BEGIN PRIVATE KEY-----\n(abridged)\n', 0o600);
  for (const pem of ['ca.pem', 'server-cert.pem', 'client-cert.pem', 'public_key.pem'])
    file(pem, '-----BEGIN CERTIFICATE-----\n(abridged)\n', 0o644);
  file('ibdata1', '\x00InnoDB system tablespace (abridged)\n');
  file('mysql.ibd', '\x00InnoDB tablespace (abridged)\n');
  file('undo_001', '\x00undo (abridged)\n');
  file('undo_002', '\x00undo (abridged)\n');
  file('binlog.000001', '\xfebin (abridged)\n');
  file('binlog.index', './binlog.000001\n');
  for (const dir of ['#innodb_redo', '#innodb_temp', 'mysql', 'performance_schema', 'sys'])
    fs.mkdir(`${DATADIR}/${dir}`, { parents: true, mode: 0o750, ...owner });
  const databases: Catalog['databases'] = {};
  for (const s of SYSTEM_SCHEMAS) databases[s] = { owner: 'root', tables: {} };
  const state: MysqlState = { catalog: { databases }, accounts: { 'root@localhost': '' }, clean: true };
  writeState(fs, state, owner);
  return state;
}
