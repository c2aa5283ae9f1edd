import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';

describe('GET /containers/{name}/stats', () => {
  it('stream=0: one sample, as docker stats --no-stream asks', async () => {
    const lab = testLab();
    await lab.docker('run -d --name web nginx');
    const res = await lab.engine
      .host()
      .api({ method: 'GET', path: '/v1.51/containers/web/stats', query: { stream: '0' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: '/web' });
    expect(res.stream).toBeUndefined();
  });

  it('streams a sample every second of the clock until the client goes', async () => {
    const lab = testLab();
    await lab.docker('run -d --name web nginx');
    const res = await lab.engine
      .host()
      .api({ method: 'GET', path: '/v1.51/containers/web/stats', query: {} });
    expect(res.headers['Content-Type']).toBeUndefined();
    const stream = res.stream!;
    expect(stream.kind).toBe('json');
    const samples: Record<string, unknown>[] = [];
    const reading = (async () => {
      if (stream.kind === 'json') for await (const m of stream.messages) samples.push(m);
    })();
    await lab.sleep(3500);
    expect(samples.length).toBe(3);
    expect(samples[0]).toMatchObject({ name: '/web' });
    stream.close();
    await reading;
    await lab.sleep(2000);
    expect(samples.length).toBe(3);
    expect(lab.engine.clock.pending).toBeLessThan(50);
  });

  it('refuses stream and one-shot together, and looks the container up first', async () => {
    const lab = testLab();
    await lab.docker('run -d --name web nginx');
    const api = lab.engine.host().api;
    expect(
      (
        await api({
          method: 'GET',
          path: '/v1.51/containers/web/stats',
          query: { stream: '1', 'one-shot': '1' },
        })
      ).body,
    ).toEqual({ message: 'cannot have stream=true and one-shot=true' });
    expect((await api({ method: 'GET', path: '/v1.51/containers/nothere/stats', query: {} })).status).toBe(
      404,
    );
  });
});
