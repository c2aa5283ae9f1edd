import { describe, expect, it } from 'vitest';
import { applyGoTypes } from './go-types.ts';
import { parseDockerTemplate } from './template/index.ts';

function inspectResponse() {
  return JSON.parse(
    '{"Id":"abc","State":{"Status":"running","Health":null},"Config":{"Labels":{"b":"2","a":"1"},"Env":null},' +
      '"NetworkSettings":{"Networks":{"bridge":{"IPAddress":"172.17.0.2"}}},"Mounts":[{"Name":"v","Labels":null}]}',
  ) as unknown;
}

const spec = {
  '': '*container.InspectResponse',
  State: '*container.State',
  'State.Health': '*container.Health',
  'Config.Labels': 'map[string]string',
  'Config.Env': '[]string',
  'NetworkSettings.Networks': 'map[string]*network.EndpointSettings',
  'NetworkSettings.Networks.*': '*network.EndpointSettings',
  'Mounts[]': 'container.MountPoint',
  'Mounts[].Labels': 'map[string]string',
};

describe('applyGoTypes', () => {
  const run = (t: string) => parseDockerTemplate(t).execute(applyGoTypes(inspectResponse(), spec));

  it('makes maps behave as Go maps', () => {
    expect(run('{{.Config.Labels}}')).toBe('map[a:1 b:2]');
    expect(run('{{.Config.Labels.zz}}')).toBe('<no value>');
    expect(run('{{index .Config.Labels "zz"}}')).toBe('');
    expect(run('{{range $k, $v := .Config.Labels}}{{$k}}={{$v}};{{end}}')).toBe('a=1;b=2;');
    expect(run('{{range $n, $e := .NetworkSettings.Networks}}{{$n}} {{$e.IPAddress}}{{end}}')).toBe(
      'bridge 172.17.0.2',
    );
  });

  it('makes nulls typed nils', () => {
    expect(run('{{.Config.Env}}')).toBe('[]');
    expect(run('{{json .Config.Env}}')).toBe('null');
    expect(run('{{.State.Health}}')).toBe('<nil>');
    expect(() => run('{{.State.Health.Status}}')).toThrow('nil pointer evaluating *container.Health.Status');
    expect(run('{{range .Mounts}}{{.Labels}}{{end}}')).toBe('map[]');
  });

  it('names structs in errors', () => {
    expect(() => run('{{.Nope}}')).toThrow("can't evaluate field Nope in type *container.InspectResponse");
    expect(() => run('{{.State.Nope}}')).toThrow("can't evaluate field Nope in type *container.State");
  });
});

describe('time.Duration fields', () => {
  const hc = () =>
    applyGoTypes(
      JSON.parse(
        '{"Healthcheck":{"Test":["CMD","true"],"Interval":30000000000,"Timeout":1500000000}}',
      ) as unknown,
      { 'Healthcheck.Interval': 'time.Duration', 'Healthcheck.Timeout': '*time.Duration' },
    );
  const run = (t: string) => parseDockerTemplate(t).execute(hc());

  it('print through String(), alone and inside a struct', () => {
    expect(run('{{.Healthcheck.Interval}} {{.Healthcheck.Timeout}}')).toBe('30s 1.5s');
    expect(run('{{.Healthcheck}}')).toBe('{[CMD true] 30s 1.5s}');
    expect(
      run('{{printf "%v|%s|%d" .Healthcheck.Interval .Healthcheck.Interval .Healthcheck.Interval}}'),
    ).toBe('30s|30s|30000000000');
  });

  it('marshal as nanoseconds and compare as int64', () => {
    expect(run('{{json .Healthcheck}}')).toBe(
      '{"Test":["CMD","true"],"Interval":30000000000,"Timeout":1500000000}',
    );
    expect(
      run('{{if gt .Healthcheck.Interval 1000}}long{{end}} {{eq .Healthcheck.Interval 30000000000}}'),
    ).toBe('long true');
    expect(run('{{if .Healthcheck.Interval}}set{{end}}')).toBe('set');
  });
});
