import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAs, embeddedField, goField as f, goZero, type GoTypeTable } from './go-structs.ts';
import { applyGoTypes } from './go-types.ts';
import { marshal } from './json.ts';
import { parseDockerTemplate, TemplateError } from './template/index.ts';

const O = ',omitempty';

/** A small copy of the swarm shapes: an embedded Meta, pointers, slices, maps, a renamed key. */
const TABLE: GoTypeTable = {
  structs: {
    'swarm.Version': {
      fields: [f('Index', 'uint64', O)],
      methods: { String: (v) => String(v['Index']) },
    },
    'swarm.Meta': {
      fields: [
        f('Version', 'swarm.Version', O),
        f('CreatedAt', 'time.Time', O),
        f('UpdatedAt', 'time.Time', O),
      ],
    },
    'swarm.Annotations': { fields: [f('Name', 'string', O), f('Labels', 'map[string]string', 'Labels')] },
    'swarm.Service': {
      fields: [
        f('ID', 'string'),
        embeddedField('swarm.Meta'),
        f('Spec', 'swarm.Spec', O),
        f('Previous', '*swarm.Spec', O),
        f('Endpoint', 'swarm.Endpoint', O),
      ],
    },
    'swarm.Spec': {
      fields: [
        embeddedField('swarm.Annotations'),
        f('Args', '[]string', O),
        f('Init', '*bool', O),
        f('Replicas', '*uint64', O),
        f('Grace', '*time.Duration', O),
        f('Delay', 'time.Duration', O),
        f('Ratio', 'float32'),
        f('DNS', '*swarm.DNS', O),
        f('Ports', '[]swarm.Port', O),
        f('State', 'swarm.State', O),
        f('Data', '[]byte', O),
        f('Mode', 'os.FileMode'),
        f('Plugin', '*runtime.Plugin', O),
      ],
    },
    'swarm.DNS': { fields: [f('Nameservers', '[]string', O)] },
    'swarm.Port': { fields: [f('Target', 'uint32', O), f('Protocol', 'string', O)] },
    'swarm.Endpoint': { fields: [f('Spec', 'swarm.EndpointSpec', O), f('Ports', '[]swarm.Port', O)] },
    'swarm.EndpointSpec': { fields: [f('Mode', 'string', O)] },
    'runtime.Plugin': {
      fields: [f('Name', 'string', 'name,omitempty'), f('Env', '[]string', 'env,omitempty')],
    },
  },
  named: { 'swarm.State': 'string' },
};

/** What a daemon sends: Go's own encoding of the struct (declaration order, omitempty). */
const SERVICE = JSON.stringify({
  ID: 'abc',
  Version: { Index: 12 },
  CreatedAt: '2026-11-28T10:00:00.123456789Z',
  UpdatedAt: '2026-11-28T10:00:01Z',
  Spec: {
    Name: 'web',
    Labels: {},
    Init: false,
    Replicas: 2,
    Grace: 10000000000,
    Ratio: 0,
    DNS: {},
    Data: 'aGk=',
    Mode: 292,
  },
  Endpoint: { Spec: {} },
});

const service = () => applyGoTypes(JSON.parse(SERVICE) as unknown, { '': 'swarm.Service' }, TABLE);
const run = (t: string, data: unknown = service()) => parseDockerTemplate(t).execute(data);

describe('decoding into a described struct', () => {
  it('gives the fields the JSON left out their zero values', () => {
    expect(run('{{.Spec.Args}} {{.Spec.Ports}} {{.Endpoint.Ports}} {{.Spec.Delay}} {{.Spec.State}}|')).toBe(
      '[] [] [] 0s |',
    );
    expect(run('{{.Previous}} {{.Spec.Plugin}} {{json .Previous}} {{json .Spec.Args}}')).toBe(
      '<nil> <nil> null null',
    );
    expect(run('{{.Endpoint}} {{.Spec.DNS}} {{.Spec.DNS.Nameservers}}')).toBe('{{} []} {[]} []');
    expect(run('{{if .Spec.Args}}args{{else}}none{{end}} {{len .Spec.Ports}}')).toBe('none 0');
  });

  it('makes a zero struct whole, every field of it', () => {
    const zero = goZero('swarm.Service', TABLE);
    expect(run('{{.}}', zero)).toBe(
      '{ {0 0001-01-01 00:00:00 +0000 UTC 0001-01-01 00:00:00 +0000 UTC} ' +
        '{{ map[]} [] <nil> <nil> <nil> 0s 0 <nil> []  [] ---------- <nil>} <nil> {{} []}}',
    );
    // and encoding/json writes it as Go does: structs are never omitted, nil maps are null
    expect(marshal(zero)).toBe(
      '{"ID":"","Version":{},"CreatedAt":"0001-01-01T00:00:00Z","UpdatedAt":"0001-01-01T00:00:00Z",' +
        '"Spec":{"Labels":null,"Ratio":0,"Mode":0},"Endpoint":{"Spec":{}}}',
    );
  });

  it('marshals the struct back to what the daemon sent', () => {
    expect(run('{{json .}}')).toBe(SERVICE);
    expect(run('{{json .Spec}}')).toBe(JSON.stringify(JSON.parse(SERVICE).Spec));
    expect(marshal(service())).toBe(SERVICE);
  });

  it('writes Go’s encoding where the JSON was not Go’s: declaration order, no unknown keys', () => {
    const odd = JSON.parse(SERVICE) as { Spec: Record<string, unknown> };
    odd.Spec = { Extra: 1, DNS: {}, Init: false, Name: 'web' };
    const typed = applyGoTypes(odd, { '': 'swarm.Service' }, TABLE);
    expect(run('{{json .Spec}}', typed)).toBe(
      '{"Name":"web","Labels":null,"Init":false,"Ratio":0,"DNS":{},"Mode":0}',
    );
    // a key the Go type does not declare is not a field
    expect(() => run('{{.Spec.Extra}}', typed)).toThrow("can't evaluate field Extra in type swarm.Spec");
  });

  it('decodes times, durations, file modes, bytes, floats and pointers to scalars', () => {
    expect(run('{{.CreatedAt}} {{.CreatedAt.Year}} {{printf "%T" .UpdatedAt}}')).toBe(
      '2026-11-28 10:00:00.123456789 +0000 UTC 2026 time.Time',
    );
    expect(run('{{.Spec.Grace}} {{.Spec.Mode}} {{printf "%s" .Spec.Data}} {{.Spec.Data}}')).toBe(
      '10s -r--r--r-- hi [104 105]',
    );
    expect(run('{{.Spec.Init}} {{.Spec.Replicas}} {{printf "%T" .Spec.Ratio}}')).toBe('false 2 float64');
  });

  it('promotes the fields of embedded structs, which are fields too', () => {
    expect(
      run('{{.Version}} {{.Version.Index}} {{.Meta.Version}} {{.Spec.Name}} {{.Spec.Annotations.Name}}'),
    ).toBe('12 12 12 web web');
    expect(run('{{.Meta}}')).toBe(
      '{12 2026-11-28 10:00:00.123456789 +0000 UTC 2026-11-28 10:00:01 +0000 UTC}',
    );
    expect(run('{{json .Meta}} {{json .Spec.Annotations}}')).toBe(
      '{"Version":{"Index":12},"CreatedAt":"2026-11-28T10:00:00.123456789Z","UpdatedAt":"2026-11-28T10:00:01Z"} ' +
        '{"Name":"web","Labels":{}}',
    );
    expect(run('{{printf "%T %T" .Meta .Spec.Annotations}}')).toBe('swarm.Meta swarm.Annotations');
  });

  it('prints a struct field by field in declaration order, pointers inside it as addresses', () => {
    const out = run('{{.Spec}}');
    expect(out.replace(/0xc[0-9a-f]{9}/g, 'ADDR')).toBe(
      '{{web map[]} [] ADDR ADDR 10s 0s 0 ADDR []  [104 105] -r--r--r-- <nil>}',
    );
    // the template follows the pointer it prints; print and printf do not
    expect(run('{{.Spec.DNS}} {{printf "%v" .Spec.DNS}} {{print .Spec.DNS}}')).toBe('{[]} &{[]} &{[]}');
  });

  it('names Go types in errors, and tells a nil pointer from a missing field', () => {
    expect(() => run('{{.Nope}}')).toThrow("can't evaluate field Nope in type swarm.Service");
    expect(() => run('{{.Spec.DNS.Nope}}')).toThrow("can't evaluate field Nope in type *swarm.DNS");
    expect(() => run('{{.Previous.Name}}')).toThrow('nil pointer evaluating *swarm.Spec.Name');
    expect(() => run('{{.Previous.Nope}}')).toThrow("can't evaluate field Nope in type *swarm.Spec");
    expect(() => run('{{.Spec.Plugin.Name}}')).toThrow('nil pointer evaluating *runtime.Plugin.Name');
  });

  it('reads a field whose JSON key the tag renames by its Go name', () => {
    const s = JSON.parse(SERVICE) as { Spec: Record<string, unknown> };
    s.Spec['Plugin'] = { name: 'p', env: ['A=1'] };
    const typed = applyGoTypes(s, { '': 'swarm.Service' }, TABLE);
    expect(
      run('{{.Spec.Plugin.Name}} {{.Spec.Plugin.Env}} {{.Spec.Plugin}} {{json .Spec.Plugin}}', typed),
    ).toBe('p [A=1] {p [A=1]} {"name":"p","env":["A=1"]}');
    expect(() => run('{{.Spec.Plugin.name}}', typed)).toThrow(
      "can't evaluate field name in type *runtime.Plugin",
    );
  });

  it('keeps a pointer to a value apart from the value, as Go does', () => {
    // a template prints what it points to, and json writes it
    expect(
      run('{{.Spec.Init}} {{.Spec.Replicas}} {{.Spec.Grace}} {{json .Spec.Init}} {{json .Spec.Grace}}'),
    ).toBe('false 2 10s false 10000000000');
    // but a non-nil pointer is true, even to false, and eq will not compare it
    expect(run('{{if .Spec.Init}}set{{end}} {{not .Spec.Init}}')).toBe('set false');
    expect(() => run('{{eq .Spec.Replicas 2}}')).toThrow(
      'error calling eq: incompatible types for comparison',
    );
    expect(() => run('{{lt .Spec.Replicas 3}}')).toThrow('error calling lt: invalid type for comparison');
    // fmt prints it as an address, but through its String method when it has one
    expect(run('{{printf "%v" .Spec.Init}} {{printf "%v" .Spec.Grace}}')).toMatch(/^0xc[0-9a-f]{9} 10s$/);
    expect(run('{{printf "%T %T" .Spec.Init .Spec.Grace}}')).toBe('*bool *time.Duration');
    expect(() => run('{{.Spec.Init.Nope}}')).toThrow("can't evaluate field Nope in type *bool");
    expect(() => run('{{len .Spec.Init}}')).toThrow('error calling len: len of type bool');
  });

  it('calls the methods a type has', () => {
    expect(run('{{.Version.String}} {{.Meta.Version.String}}')).toBe('12 12');
  });
});

describe('decodeAs on any JSON', () => {
  // the daemon's JSON is trusted, but a decode must not fail on a shape it did not expect
  const json = fc.jsonValue({ maxDepth: 4 });
  const shaped = fc.record(
    {
      ID: fc.oneof(fc.string(), json),
      Version: fc.oneof(fc.record({ Index: fc.nat() }), json),
      CreatedAt: fc.oneof(fc.constant('2026-11-28T10:00:00Z'), json),
      Spec: fc.oneof(
        fc.record(
          {
            Name: json,
            Labels: json,
            Args: json,
            Init: json,
            Grace: json,
            DNS: json,
            Ports: fc.oneof(fc.array(json), json),
            Data: json,
            Plugin: json,
          },
          { requiredKeys: [] },
        ),
        json,
      ),
      Endpoint: json,
    },
    { requiredKeys: [] },
  );

  it('never throws, and a template either prints or fails with a template error', () => {
    fc.assert(
      fc.property(shaped, (v) => {
        const typed = decodeAs(structuredClone(v), 'swarm.Service', TABLE);
        for (const t of ['{{.}}', '{{json .}}', '{{.Spec.Args}}', '{{.Meta}}', '{{.Spec.DNS.Nameservers}}']) {
          try {
            parseDockerTemplate(t).execute(typed);
          } catch (err) {
            expect(err).toBeInstanceOf(TemplateError);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
