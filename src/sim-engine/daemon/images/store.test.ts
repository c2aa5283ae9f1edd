import { describe, expect, it } from 'vitest';
import { testLab } from '../../../../test/kit/lab.ts';

describe('ImageStore lookup (GetImage)', () => {
  it('finds images by name, full or short ID, with or without sha256:', () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const images = lab.engine.host().daemon.images;
    const alpine = images.resolve('alpine');
    const hex = alpine.id.slice(7);
    for (const name of [
      'alpine:latest',
      'docker.io/library/alpine',
      alpine.id,
      hex,
      hex.slice(0, 12),
      `sha256:${hex.slice(0, 5)}`,
    ]) {
      expect(images.resolve(name)).toBe(alpine);
    }
    const digest = images.repoDigests(alpine.id)[0]!;
    expect(images.resolve(digest)).toBe(alpine);
    expect(images.resolve(digest.replace('@', ':latest@'))).toBe(alpine);
  });

  it("says what is missing in Docker's words", () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const images = lab.engine.host().daemon.images;
    expect(() => images.resolve('nothere')).toThrow('No such image: nothere:latest');
    expect(() => images.resolve('abc123')).toThrow('No such image: abc123:latest');
    expect(() => images.resolve('a'.repeat(64))).toThrow(`No such image: sha256:${'a'.repeat(64)}`);
    expect(() => images.resolve('Bad')).toThrow(
      'invalid reference format: repository name (library/Bad) must be lowercase',
    );
  });

  it('lists references as moby sorts them, by full name', () => {
    const lab = testLab({ images: ['alpine:latest'] });
    const images = lab.engine.host().daemon.images;
    const id = images.resolve('alpine').id;
    images.tag('registry.example.com/a:1', id);
    images.tag('zeta:1', id);
    images.tag('beta:1', id);
    expect(images.repoTags(id)).toEqual(['alpine:latest', 'beta:1', 'zeta:1', 'registry.example.com/a:1']);
  });
});
