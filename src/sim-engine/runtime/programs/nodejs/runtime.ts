/**
 * What a node process is besides its interpreter: the event loop's handles (timers,
 * servers) that keep it alive, the realm's prototypes and error constructors, and
 * helpers to build JS objects from the host.
 */
import type { ProcessContext } from '../../../process/types.ts';
import { JsInterp, Scope } from './interp.ts';
import type { Realm } from './interp.ts';
import { JsArray, JsFunction, JsObject, JsThrow } from './values.ts';
import type { Call, JsValue } from './values.ts';
import { ProcessExit } from './process.ts';

export const ERROR_TYPES = ['Error', 'TypeError', 'ReferenceError', 'SyntaxError', 'RangeError'];

export class NodeRuntime {
  readonly ctx: ProcessContext;
  readonly version: string;
  readonly realm: Realm;
  interp: JsInterp;
  #pending = 0;
  #idle: (() => void)[] = [];
  /** called with an exception nothing caught (a callback's, a timer's) */
  onUncaught: (e: JsThrow) => void = () => {};
  /** called when a callback calls process.exit() */
  onExit: (code: number) => void = () => {};

  constructor(ctx: ProcessContext, version: string) {
    this.ctx = ctx;
    this.version = version;
    const objectProto = new JsObject(null);
    const functionProto = new JsObject(objectProto, 'Function');
    const errorProtos = new Map<string, JsObject>();
    const base = new JsObject(objectProto, 'Error');
    base.props.set('name', 'Error');
    errorProtos.set('Error', base);
    for (const t of ERROR_TYPES.slice(1)) {
      const p = new JsObject(base, 'Error');
      p.props.set('name', t);
      errorProtos.set(t, p);
    }
    this.realm = { objectProto, functionProto, errorProtos, globals: new Scope(undefined, true) };
    this.realm.hold = () => this.hold();
    this.interp = new JsInterp(this.realm, '[eval]');
  }

  obj(entries: Record<string, JsValue> = {}, className = 'Object'): JsObject {
    const o = new JsObject(this.realm.objectProto, className);
    for (const [k, v] of Object.entries(entries)) o.props.set(k, v);
    return o;
  }

  arr(items: JsValue[]): JsArray {
    const a = new JsArray(items);
    a.proto = this.realm.objectProto;
    return a;
  }

  fn(name: string, call: Call): JsFunction {
    const f = new JsFunction(name, call);
    f.proto = this.realm.functionProto;
    return f;
  }

  /** Keep the process alive for a handle; returns the release function. */
  hold(): () => void {
    this.#pending++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#pending--;
      if (this.#pending === 0) for (const r of this.#idle.splice(0)) r();
    };
  }

  /** Resolves when no handle is left (the event loop is empty). */
  idle(): Promise<void> {
    if (this.#pending === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idle.push(resolve));
  }

  /** Run a callback from the event loop: an exception it throws is uncaught. */
  async invoke(fn: JsValue, thisArg: JsValue, args: JsValue[]): Promise<JsValue> {
    const release = this.hold();
    try {
      return await this.interp.call(fn, thisArg, args);
    } catch (e) {
      if (e instanceof JsThrow) this.onUncaught(e);
      else if (e instanceof ProcessExit) this.onExit(e.code);
      else throw e;
      return undefined;
    } finally {
      release();
    }
  }
}
