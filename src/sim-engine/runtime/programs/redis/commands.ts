/**
 * The command table and dispatcher: arity and authentication checks with Redis's
 * error texts, then the command. A connection's input (one line-protocol exchange)
 * may hold several commands, answered in order, as a pipeline is.
 */
import type { Command, Server, Session } from './command-table.ts';
import { DATA_COMMANDS } from './commands-data.ts';
import { KEY_COMMANDS } from './commands-keys.ts';
import { SERVER_COMMANDS } from './commands-server.ts';
import { decodeCommands, encode, err } from './resp.ts';
import type { Reply } from './resp.ts';

const COMMANDS: ReadonlyMap<string, Command> = new Map(
  Object.entries({ ...KEY_COMMANDS, ...DATA_COMMANDS, ...SERVER_COMMANDS }),
);

const NO_AUTH_NEEDED = new Set(['auth', 'hello', 'quit']);

export function execute(server: Server, session: Session, args: string[]): Reply {
  const name = args[0]!.toLowerCase();
  if (name === '\0unbalanced') return err('ERR Protocol error: unbalanced quotes in request');
  const cmd = COMMANDS.get(name);
  if (!cmd) {
    const rest = args
      .slice(1)
      .map((a) => `'${a}' `)
      .join('');
    return err(`ERR unknown command '${args[0]}', with args beginning with: ${rest}`);
  }
  if (!session.authed && (server.config.get('requirepass') ?? '') !== '' && !NO_AUTH_NEEDED.has(name)) {
    return err('NOAUTH Authentication required.');
  }
  if ((cmd.arity > 0 && args.length !== cmd.arity) || (cmd.arity < 0 && args.length < -cmd.arity)) {
    return err(`ERR wrong number of arguments for '${name}' command`);
  }
  server.ks.commands++;
  return cmd.run({ server, session, args, ks: server.ks, db: session.db });
}

/** One exchange of the line protocol: the requests in `input`, the replies out. */
export function converse(server: Server, input: string): string {
  const session: Session = { db: 0, authed: false };
  let out = '';
  for (const args of decodeCommands(input)) {
    const reply = execute(server, session, args);
    if (reply.kind === 'status' && reply.text === '\0closed') break;
    out += encode(reply);
    if (args[0]?.toLowerCase() === 'quit') break;
  }
  return out;
}
