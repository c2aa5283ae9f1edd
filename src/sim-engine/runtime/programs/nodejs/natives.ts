/**
 * The npm packages whose behaviour the simulation implements natively once npm has
 * installed them into node_modules: express (./express.ts), body-parser, cors,
 * dotenv, morgan (the `dev` and `combined` formats), and redis (node-redis 5:
 * createClient, connect, the common commands in camelCase, quit). A package npm
 * installs without a native here loads as an empty module.
 */
import { decodeAll, encodeCommand } from '../redis/resp.ts';
import type { Reply } from '../redis/resp.ts';
import { clfTime } from '../support/log-time.ts';
import { eventsModule } from './builtins.ts';
import { expressModule } from './express.ts';
import type { NodeRuntime } from './runtime.ts';
import { JsObject, JsPromise, JsThrow, toStr } from './values.ts';
import type { JsValue, JsFunction } from './values.ts';

function cors(rt: NodeRuntime): JsFunction {
  return rt.fn('cors', (_t, [opts]) =>
    rt.fn('corsMiddleware', async (_t2, [req, res, next]) => {
      const origin = opts instanceof JsObject && opts.has('origin') ? toStr(opts.get('origin')) : '*';
      const x = (res as JsObject).native as { setHeader(k: string, v: JsValue): void };
      x.setHeader('Access-Control-Allow-Origin', origin);
      if (toStr((req as JsObject).get('method')) === 'OPTIONS') {
        x.setHeader('Access-Control-Allow-Methods', 'GET,HEAD,PUT,PATCH,POST,DELETE');
        (res as JsObject).props.set('statusCode', 204);
        await rt.interp.call((res as JsObject).get('end'), res, []);
        return undefined;
      }
      await rt.interp.call(next, undefined, []);
      return undefined;
    }),
  );
}

function dotenv(rt: NodeRuntime): JsObject {
  const config = rt.fn('config', (_t, [opts]) => {
    const path =
      opts instanceof JsObject && opts.has('path')
        ? toStr(opts.get('path'))
        : `${rt.ctx.cwd.replace(/\/$/, '')}/.env`;
    const env = (rt.realm.globals.lookup('process')?.v as JsObject).get('env') as JsObject;
    const parsed = rt.obj();
    let text: string;
    try {
      text = rt.ctx.fs.readFile(path);
    } catch {
      return rt.obj({
        error: rt.interp.makeError('Error', `ENOENT: no such file or directory, open '${path}'`),
      });
    }
    for (const line of text.split('\n')) {
      const m = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*?)\s*$/.exec(line);
      if (!m || line.trim().startsWith('#')) continue;
      const value = m[2]!.replace(/^(['"])(.*)\1$/, '$2').replace(/\s+#.*$/, '');
      parsed.props.set(m[1]!, value);
      if (!env.has(m[1]!)) env.props.set(m[1]!, value);
    }
    // dotenv 17 announces itself
    rt.ctx.stdout.write(
      `[dotenv@17.2.3] injecting env (${parsed.props.size}) from ${path.split('/').pop()} -- tip: ⚙️  override existing env vars with { override: true }\n`,
    );
    return rt.obj({ parsed });
  });
  return rt.obj({ config });
}

function morgan(rt: NodeRuntime): JsFunction {
  return rt.fn('morgan', (_t, [fmt]) =>
    rt.fn('logger', async (_t2, [req, res, next]) => {
      const started = rt.ctx.now();
      const r = req as JsObject;
      const x = (res as JsObject).native as {
        finished: Promise<{ status: number; headers: Record<string, string> }>;
      };
      void x.finished.then((out) => {
        const length = out.headers['Content-Length'] ?? '-';
        const url = toStr(r.get('originalUrl') ?? r.get('url'));
        const method = toStr(r.get('method'));
        const ms = (rt.ctx.now() - started).toFixed(3);
        const headers = r.get('headers') as JsObject;
        const line =
          toStr(fmt) === 'combined'
            ? `${toStr(r.get('ip')).replace(/^::ffff:/, '::ffff:')} - - [${clfTime(rt.ctx.now())}] "${method} ${url} HTTP/1.1" ${out.status} ${length} "${toStr(headers.get('referer') ?? '-')}" "${toStr(headers.get('user-agent') ?? '-')}"`
            : `${method} ${url} ${out.status} ${ms} ms - ${length}`;
        rt.ctx.stdout.write(`${line}\n`);
      });
      await rt.interp.call(next, undefined, []);
      return undefined;
    }),
  );
}

function redis(rt: NodeRuntime): JsObject {
  const Emitter = eventsModule(rt);
  const toJs = (r: Reply): JsValue => {
    switch (r.kind) {
      case 'status':
        return r.text;
      case 'int':
        return r.value;
      case 'bulk':
        return r.text;
      case 'array':
        return rt.arr((r.items ?? []).map(toJs));
      case 'error':
        return rt.interp.throwError('Error', r.text);
    }
  };
  const createClient = rt.fn('createClient', (_t, [opts]) => {
    const url =
      opts instanceof JsObject && opts.has('url') ? toStr(opts.get('url')) : 'redis://localhost:6379';
    const m = /^rediss?:\/\/(?:([^:@]*):?([^@]*)@)?([^:/]+)(?::(\d+))?/.exec(url);
    const host = m?.[3] ?? 'localhost';
    const port = Number(m?.[4] ?? 6379);
    const password = m?.[2] || undefined;
    const client = new JsObject(Emitter.get('prototype') as JsObject, 'Commander');
    client.props.set('isOpen', false);
    client.props.set('isReady', false);
    const refused = (address: string) => {
      const e = rt.interp.makeError('Error', `connect ECONNREFUSED ${address}:${port}`);
      e.props.set(
        'stack',
        `Error: connect ECONNREFUSED ${address}:${port}\n    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1637:16)`,
      );
      e.props.set('errno', -111);
      e.props.set('code', 'ECONNREFUSED');
      e.props.set('syscall', 'connect');
      e.props.set('address', address);
      e.props.set('port', port);
      return e;
    };
    const send = async (words: string[]): Promise<JsValue> => {
      const address = rt.ctx.net.resolve(host);
      if (address === undefined) {
        const e = rt.interp.makeError('Error', `getaddrinfo ENOTFOUND ${host}`);
        await rt.interp.call(client.get('emit'), client, ['error', e]);
        throw new JsThrow(e);
      }
      let text: string;
      try {
        const pre = password ? [['AUTH', password]] : [];
        text = await rt.ctx.net.line(address, port, [...pre, words].map(encodeCommand).join(''));
      } catch {
        const e = refused(address);
        throw new JsThrow(e);
      }
      const replies = decodeAll(text);
      return toJs(replies[replies.length - 1] ?? { kind: 'bulk', text: null });
    };
    const promise = (run: () => Promise<JsValue>) => {
      const p = run();
      p.catch(() => undefined);
      return new JsPromise(p);
    };
    client.props.set(
      'connect',
      rt.fn('connect', () =>
        promise(async () => {
          try {
            await send(['PING']);
          } catch (e) {
            if (e instanceof JsThrow && client.get('\0events'))
              await rt.interp.call(client.get('emit'), client, ['error', e.value]);
            throw e;
          }
          client.props.set('isOpen', true);
          client.props.set('isReady', true);
          return client;
        }),
      ),
    );
    for (const name of ['quit', 'disconnect', 'close', 'destroy'])
      client.props.set(
        name,
        rt.fn(name, () => promise(async () => (client.props.set('isOpen', false), 'OK'))),
      );
    const commands =
      'ping get set del exists expire ttl incr incrBy decr decrBy keys lPush rPush lPop rPop lRange lLen hSet hGet hGetAll hDel sAdd sMembers sRem publish flushAll dbSize append mGet';
    for (const name of commands.split(' ')) {
      client.props.set(
        name,
        rt.fn(name, (_t2, args) =>
          promise(async () => {
            const words = [name.toUpperCase(), ...args.filter((a) => !(a instanceof JsObject)).map(toStr)];
            const opts2 = args.find((a) => a instanceof JsObject) as JsObject | undefined;
            if (name === 'set' && opts2?.has('EX')) words.push('EX', toStr(opts2.get('EX')));
            const v = await send(words);
            if (name === 'hGetAll' && v instanceof JsObject) {
              const items = (v as unknown as { items: JsValue[] }).items;
              const o = rt.obj();
              for (let i = 0; i + 1 < items.length; i += 2) o.props.set(toStr(items[i]), items[i + 1]);
              return o;
            }
            return v;
          }),
        ),
      );
    }
    return client;
  });
  return rt.obj({ createClient });
}

/** The native implementation of an installed package, by name. */
export function nativePackage(rt: NodeRuntime, name: string): JsValue | undefined {
  switch (name) {
    case 'express':
      return expressModule(rt);
    case 'body-parser': {
      const e = expressModule(rt);
      return rt.obj({ json: e.get('json'), urlencoded: e.get('urlencoded') });
    }
    case 'cors':
      return cors(rt);
    case 'dotenv':
      return dotenv(rt);
    case 'morgan':
      return morgan(rt);
    case 'redis':
      return redis(rt);
    default:
      return undefined;
  }
}
