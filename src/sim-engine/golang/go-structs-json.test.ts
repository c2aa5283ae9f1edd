import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goJSONValue } from './go-structs-json.ts';
import { decodeAs, embeddedField, goField as f, type GoTypeTable } from './go-structs.ts';
import { marshal } from './json.ts';

const O = ',omitempty';

/** Swarm-like shapes: embedded structs, a clash, pointers, slices, maps, durations, a renamed key. */
const TABLE: GoTypeTable = {
  structs: {
    'x.Version': { fields: [f('Index', 'uint64', O)] },
    'x.Meta': {
      fields: [f('Version', 'x.Version', O), f('CreatedAt', 'time.Time', O), f('ID', 'string')],
    },
    'x.Annotations': { fields: [f('Name', 'string', O), f('Labels', 'map[string]string', 'Labels')] },
    'x.Object': {
      fields: [
        f('ID', 'string'),
        embeddedField('x.Meta'),
        f('Spec', 'x.Spec', O),
        f('Previous', '*x.Spec', O),
        f('Volumes', '[]x.Version'),
      ],
    },
    'x.Spec': {
      fields: [
        embeddedField('x.Annotations'),
        f('Args', '[]string', O),
        f('Init', '*bool', O),
        f('Replicas', '*uint64', O),
        f('Interval', 'time.Duration', O),
        f('Timeout', 'time.Duration', O),
        f('Ratio', 'float32'),
        f('Mode', 'x.Mode', 'mode,omitempty'),
        f('Env', 'map[string][]string', O),
        f('Data', '[]byte', O),
      ],
    },
  },
  named: { 'x.Mode': 'string' },
};

describe('goJSONValue', () => {
  it('writes fields in declaration order, embedded ones where they are declared, and drops unknown keys', () => {
    const v = goJSONValue(
      { Spec: { Args: ['a'], Name: 'web', Extra: 1 }, Version: { Index: 3 }, ID: 'abc', Nope: true },
      'x.Object',
      TABLE,
    );
    // Meta's ID clashes with Object's own (shallower) ID: Go keeps the outer one, once
    expect(JSON.stringify(v)).toBe(
      '{"ID":"abc","Version":{"Index":3},"CreatedAt":"0001-01-01T00:00:00Z","Spec":{"Name":"web","Labels":null,"Args":["a"],"Ratio":0},"Volumes":null}',
    );
  });

  it('leaves out omitempty zeros but keeps a pointer to zero, and sorts map keys bytewise', () => {
    const v = goJSONValue(
      {
        Name: '',
        Labels: { b: '1', B: '2', a: '3' },
        Args: [],
        Init: false,
        Replicas: 0,
        Interval: 0,
        Timeout: 5e9,
        mode: 'vip',
        Env: {},
        Data: '',
      },
      'x.Spec',
      TABLE,
    );
    expect(JSON.stringify(v)).toBe(
      '{"Labels":{"B":"2","a":"3","b":"1"},"Init":false,"Replicas":0,"Timeout":5000000000,"Ratio":0,"mode":"vip"}',
    );
  });

  it('writes a zero time.Time and a zero struct under omitempty (Go never leaves out a struct)', () => {
    expect(JSON.stringify(goJSONValue({}, 'x.Meta', TABLE))).toBe(
      '{"Version":{},"CreatedAt":"0001-01-01T00:00:00Z","ID":""}',
    );
  });

  it('does not change the value it is given', () => {
    const v = { Spec: { Labels: { b: '', a: '' }, Interval: 0 } };
    const copy = JSON.parse(JSON.stringify(v)) as unknown;
    goJSONValue(v, 'x.Object', TABLE);
    expect(v).toEqual(copy);
  });

  // the reference: the CLI's decode into the struct (go-structs.ts) and Go's Marshal of it
  const spec = fc.record(
    {
      Name: fc.string(),
      Labels: fc.option(fc.dictionary(fc.string({ maxLength: 4 }), fc.string()), { nil: undefined }),
      Args: fc.array(fc.string(), { maxLength: 2 }),
      Init: fc.boolean(),
      Replicas: fc.nat(3),
      Interval: fc.constantFrom(0, 1e9),
      Timeout: fc.nat(),
      Ratio: fc.constantFrom(0, 0.5),
      mode: fc.constantFrom('', 'vip'),
      Env: fc.dictionary(fc.string({ maxLength: 3 }), fc.array(fc.string(), { maxLength: 2 })),
      Unknown: fc.anything(),
    },
    { requiredKeys: [] },
  );
  const object = fc.record(
    {
      ID: fc.string(),
      Version: fc.record({ Index: fc.nat(5) }, { requiredKeys: [] }),
      CreatedAt: fc.constant('2024-01-02T03:04:05.123456789Z'),
      Spec: spec,
      Previous: spec,
      Volumes: fc.array(fc.record({ Index: fc.nat(2) }), { maxLength: 2 }),
    },
    { requiredKeys: [] },
  );

  it('is what encoding/json writes of the decoded struct, for any object', () => {
    fc.assert(
      fc.property(object, (v) => {
        // JSON.stringify here is the daemon's serialiser on the wire (serve's response.ts)
        const ours = JSON.stringify(goJSONValue(v, 'x.Object', TABLE));
        const go = marshal(decodeAs(JSON.parse(JSON.stringify(v)), 'x.Object', TABLE), { escapeHTML: false });
        // array-index map keys are the one thing a JS object cannot keep in Go's order
        fc.pre(!/"\d+":/.test(go));
        expect(ours).toBe(go);
      }),
    );
  });
});
