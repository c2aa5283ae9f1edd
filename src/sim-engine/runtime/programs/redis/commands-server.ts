/** Server commands: AUTH, INFO, SAVE, BGSAVE, LASTSAVE, SHUTDOWN, CONFIG, TIME, CLIENT, COMMAND. */
import type { Command } from './command-table.ts';
import { SYNTAX } from './command-table.ts';
import { globMatch } from './keyspace.ts';
import { array, bulk, err, int, ok } from './resp.ts';

export const SERVER_COMMANDS: Record<string, Command> = {
  auth: {
    arity: -2,
    run: (c) => {
      const pass = c.server.config.get('requirepass') ?? '';
      const given = c.args[c.args.length - 1]!;
      if (pass === '') {
        return err(
          'ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?',
        );
      }
      if (given !== pass) return err('WRONGPASS invalid username-password pair or user is disabled.');
      c.session.authed = true;
      return ok;
    },
  },
  info: { arity: -1, run: (c) => bulk(c.server.info(c.args[1]?.toLowerCase())) },
  save: { arity: 1, run: (c) => (c.server.save() ? ok : err('ERR')) },
  bgsave: {
    arity: -1,
    run: (c) => {
      c.server.bgsave();
      return { kind: 'status', text: 'Background saving started' };
    },
  },
  lastsave: { arity: 1, run: (c) => int(Math.floor(c.ks.lastSave / 1000)) },
  shutdown: {
    arity: -1,
    run: (c) => {
      const mode = c.args[1]?.toLowerCase();
      if (mode !== undefined && mode !== 'save' && mode !== 'nosave') return SYNTAX;
      c.server.shutdown(mode ?? 'default');
      // the connection closes without a reply
      return { kind: 'status', text: '\0closed' };
    },
  },
  time: {
    arity: 1,
    run: (c) => {
      const ms = c.ks.now();
      return array([String(Math.floor(ms / 1000)), String((ms % 1000) * 1000)]);
    },
  },
  config: {
    arity: -2,
    run: (c) => {
      const sub = c.args[1]!.toLowerCase();
      if (sub === 'get' && c.args[2] !== undefined) {
        const out: string[] = [];
        for (const [k, v] of c.server.config) if (globMatch(c.args[2]!, k)) out.push(k, v);
        return array(out);
      }
      if (sub === 'set' && c.args.length >= 4) {
        c.server.config.set(c.args[2]!.toLowerCase(), c.args[3]!);
        return ok;
      }
      return err(`ERR unknown subcommand '${c.args[1]}'. Try CONFIG HELP.`);
    },
  },
  client: {
    arity: -2,
    run: (c) => {
      const sub = c.args[1]!.toLowerCase();
      if (sub === 'setname' || sub === 'setinfo') return ok;
      if (sub === 'getname') return bulk(null);
      if (sub === 'id') return int(3);
      return err(`ERR unknown subcommand '${c.args[1]}'. Try CLIENT HELP.`);
    },
  },
  command: { arity: -1, run: () => array([]) },
};
