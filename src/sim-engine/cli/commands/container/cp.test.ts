import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../../test/kit/lab.ts';

describe('docker cp', () => {
  it('copies both ways, naming the destination as go-archive does', async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('run -d --name web alpine sleep 1000');
    expect(await lab.docker('cp web:/etc/hostname /tmp/h')).toMatchObject({ out: '', status: 0 });
    expect(lab.engine.host().fs.readFile('/tmp/h')).toBe(
      lab.engine.host().daemon.getContainer('web').fs.readFile('/etc/hostname'),
    );
    // progress lines only on a terminal, unless --quiet is given either way
    expect((await lab.docker('cp -q=false web:/etc/hostname /tmp/')).stderr).toBe(
      'Successfully copied 2.05kB to /tmp/\n',
    );
    expect(await lab.docker('cp /etc/hostname web:/srv/name')).toMatchObject({ status: 0 });
    expect(lab.engine.host().daemon.getContainer('web').fs.readFile('/srv/name')).toBe(
      lab.engine.host().fs.readFile('/etc/hostname'),
    );
  });

  it("fails with go-archive's and the daemon's messages", async () => {
    const lab = testLab({ images: ['alpine:latest'] });
    await lab.docker('run -d --name web alpine sleep 1000');
    expect(await lab.docker('cp /etc/hostname web:/nodir/')).toMatchObject({
      stderr: 'no such directory\n',
      status: 1,
    });
    expect(await lab.docker('cp /etc web:/etc/hostname')).toMatchObject({
      stderr: 'cannot copy directory\n',
      status: 1,
    });
    expect(await lab.docker('cp /etc/hostname nothere:/tmp/x')).toMatchObject({
      stderr: 'Error response from daemon: No such container: nothere\n',
      status: 1,
    });
    expect((await lab.docker('cp web:/a web:/b')).stderr).toBe(
      'copying between containers is not supported\n',
    );
    expect((await lab.docker('cp /a /b')).stderr).toBe('must specify at least one container source\n');
    // tar streams are not simulated: an honest error, not made-up bytes
    expect(await lab.docker('cp web:/etc/hostname -')).toMatchObject({
      stdout: '',
      stderr: 'docker cp: tar archives on stdin and stdout are not simulated in Dockyard yet\n',
      status: 1,
    });
  });
});
