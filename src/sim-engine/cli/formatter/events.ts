/**
 * How `docker events` prints a message (docker/cli system/events.go): one line per
 * event — the time with nine fractional digits, type, action, actor ID and the
 * attributes sorted by key — or the `--format` template run on events.Message.
 */
import type { EventMessage } from '../../api/types/system.ts';
import { marshal } from '../../golang/json.ts';
import { withGoMethods } from '../../golang/reflect.ts';
import { GoTime } from '../../golang/time.ts';
import { goMap, withGoType } from '../../golang/values.ts';

/** rfc3339NanoFixed: RFC 3339 with the nanoseconds always nine digits. */
const RFC3339_NANO_FIXED = '2006-01-02T15:04:05.000000000Z07:00';

const NS_PER_MS = 1_000_000n;

/** The event's time: TimeNano when set, else Time (seconds); undefined when neither is. */
function eventTime(m: EventMessage): GoTime | undefined {
  const nano = BigInt(m.timeNano ?? 0);
  if (nano !== 0n) {
    let ms = nano / NS_PER_MS;
    let rest = nano % NS_PER_MS;
    if (rest < 0n) {
      ms -= 1n;
      rest += NS_PER_MS;
    }
    return new GoTime(Number(ms), Number(rest));
  }
  if (m.time) return new GoTime(m.time * 1000);
  return undefined;
}

/** prettyPrintEvent */
export function prettyEvent(m: EventMessage): string {
  const t = eventTime(m);
  let line = t ? t.Format(RFC3339_NANO_FIXED) + ' ' : '';
  line += `${m.Type} ${m.Action} ${m.Actor?.ID ?? ''}`;
  const attrs = m.Actor?.Attributes ?? {};
  const keys = Object.keys(attrs).sort();
  if (keys.length > 0) line += ` (${keys.map((k) => `${k}=${attrs[k]}`).join(', ')})`;
  return line + '\n';
}

/**
 * events.Message as a Go value: `{{.Status}}`, `{{.Scope}}`, `{{.TimeNano}}` (an
 * int64), `{{.Actor.Attributes.name}}`; `{{json .}}` writes the JSON names back.
 */
export function eventValue(m: EventMessage): object {
  const attributes = { ...(m.Actor?.Attributes ?? {}) };
  const value = withGoType(
    {
      Status: m.status ?? '',
      ID: m.id ?? '',
      From: m.from ?? '',
      Type: m.Type ?? '',
      Action: m.Action ?? '',
      Actor: withGoType(
        { ID: m.Actor?.ID ?? '', Attributes: goMap(attributes, 'map[string]string') },
        'events.Actor',
      ),
      Scope: m.scope ?? '',
      Time: m.time ?? 0,
      TimeNano: BigInt(m.timeNano ?? 0),
    },
    '*events.Message',
  );
  // JSON tags: status, id, from, scope, time and timeNano are omitempty
  const json: Record<string, unknown> = {};
  if (m.status) json['status'] = m.status;
  if (m.id) json['id'] = m.id;
  if (m.from) json['from'] = m.from;
  json['Type'] = m.Type ?? '';
  json['Action'] = m.Action ?? '';
  json['Actor'] = { ID: m.Actor?.ID ?? '', Attributes: goMap(attributes, 'map[string]string') };
  if (m.scope) json['scope'] = m.scope;
  if (m.time) json['time'] = m.time;
  if (BigInt(m.timeNano ?? 0) !== 0n) json['timeNano'] = BigInt(m.timeNano);
  return withGoMethods(value, { MarshalJSON: () => marshal(json) });
}

/** The zero events.Message a format is tried on before any event arrives. */
export function emptyEventValue(): object {
  return eventValue({
    Type: '',
    Action: '',
    Actor: { ID: '', Attributes: {} },
    scope: '',
    time: 0,
    timeNano: 0,
  });
}
