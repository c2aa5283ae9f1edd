import { describe, expect, it } from 'vitest';
import { Store, type StoreEvent } from './store.ts';

interface Thing {
  ID: string;
  Version: { Index: number };
  Name: string;
}

describe('Store', () => {
  it('applies a transaction at once and then tells the watchers, in order', () => {
    const s = new Store();
    const seen: StoreEvent[][] = [];
    s.watch((e) => seen.push([...e]));
    s.update((tx) => {
      tx.create<Thing>('thing', { ID: 'a', Name: 'one' });
      expect(tx.get<Thing>('thing', 'a')?.Name).toBe('one');
      expect(s.get('thing', 'a')).toBeUndefined();
    });
    expect(s.get<Thing>('thing', 'a')?.Version.Index).toBe(1);
    const a = s.get<Thing>('thing', 'a')!;
    s.update((tx) => tx.update<Thing>('thing', { ...a, Name: 'two' }));
    s.update((tx) => tx.delete('thing', 'a'));
    expect(seen.map((e) => e.map((x) => x.action))).toEqual([['create'], ['update'], ['delete']]);
    expect(s.find('thing')).toEqual([]);
  });

  it('refuses an update that did not see the latest version', () => {
    const s = new Store();
    s.update((tx) => tx.create<Thing>('thing', { ID: 'a', Name: 'one' }));
    const stale = s.get<Thing>('thing', 'a')!;
    s.update((tx) => tx.update<Thing>('thing', { ...stale, Name: 'two' }));
    expect(() => s.update((tx) => tx.update<Thing>('thing', { ...stale, Name: 'three' }))).toThrow(
      'update out of sequence',
    );
    expect(s.get<Thing>('thing', 'a')?.Name).toBe('two');
  });

  it('writes nothing when a transaction throws, and gives copies only', () => {
    const s = new Store();
    expect(() =>
      s.update((tx) => {
        tx.create<Thing>('thing', { ID: 'a', Name: 'one' });
        throw new Error('no');
      }),
    ).toThrow('no');
    expect(s.find('thing')).toEqual([]);
    s.update((tx) => tx.create<Thing>('thing', { ID: 'b', Name: 'b' }));
    const b = s.get<Thing>('thing', 'b')!;
    b.Name = 'changed';
    expect(s.get<Thing>('thing', 'b')!.Name).toBe('b');
  });

  it('snapshots and restores', () => {
    const s = new Store();
    s.update((tx) => tx.create<Thing>('thing', { ID: 'a', Name: 'one' }));
    const t = new Store();
    t.restore(s.snapshot());
    expect(t.get<Thing>('thing', 'a')).toEqual(s.get('thing', 'a'));
    t.update((tx) => tx.create<Thing>('thing', { ID: 'c', Name: 'c' }));
    expect(t.get<Thing>('thing', 'c')?.Version.Index).toBe(2);
  });
});

describe('Store copies (JSON semantics, shared stored versions)', () => {
  interface Doc {
    ID: string;
    Version: { Index: number };
    Spec: { Image: string; Args?: (string | null)[]; N?: number | null };
    Status?: { State: string; When?: unknown };
  }

  it('stores what JSON.parse(JSON.stringify(…)) would, and hands out copies', () => {
    const s = new Store();
    const input = {
      ID: 'a',
      Spec: { Image: 'x', Args: ['1', undefined as unknown as string], N: NaN, Gone: undefined },
      Status: { State: 'new', When: new Date(0) },
    };
    const created = s.update((tx) => tx.create<Doc>('doc', input));
    // the version goes right after the ID, where the Engine API's objects have it
    const { ID, ...rest } = JSON.parse(JSON.stringify(input)) as { ID: string };
    const expected = { ID, Version: { Index: 1 }, ...rest };
    expect(created).toEqual(expected);
    expect(s.get('doc', 'a')).toEqual(expected);
    expect(JSON.stringify(s.get('doc', 'a'))).toBe(JSON.stringify(expected));
    created.Spec.Image = 'changed';
    s.find<Doc>('doc')[0]!.Spec.Image = 'changed';
    expect(s.get<Doc>('doc', 'a')!.Spec.Image).toBe('x');
  });

  it('peek and view give the frozen stored object; a write shares its unchanged parts', () => {
    const s = new Store();
    s.update((tx) => tx.create<Doc>('doc', { ID: 'a', Spec: { Image: 'x' }, Status: { State: 'new' } }));
    const v1 = s.peek<Doc>('doc', 'a')!;
    expect(Object.isFrozen(v1) && Object.isFrozen(v1.Spec)).toBe(true);
    expect([...s.view<Doc>('doc')]).toEqual([v1]);
    const seen: StoreEvent[] = [];
    s.watch((e) => seen.push(...e));
    s.update((tx) => tx.put('doc', { ...v1, Status: { State: 'pending' } }));
    const v2 = s.peek<Doc>('doc', 'a')!;
    expect(v2.Spec).toBe(v1.Spec);
    expect(v2.Status).toEqual({ State: 'pending' });
    expect(v1.Status).toEqual({ State: 'new' });
    // events carry the frozen stored objects themselves (read-only: no copy per watcher)
    const e = seen[0]!;
    expect(e.object).toBe(v2);
    expect(e.old).toEqual(v1);
    expect(() => {
      (e.object as Doc).Spec.Image = 'changed';
    }).toThrow(TypeError);
    expect(s.get<Doc>('doc', 'a')!.Spec.Image).toBe('x');
    expect(v1.Spec.Image).toBe('x');
  });

  it('puts refuse stale versions like updates', () => {
    const s = new Store();
    s.update((tx) => tx.create<Doc>('doc', { ID: 'a', Spec: { Image: 'x' } }));
    const stale = s.peek<Doc>('doc', 'a')!;
    s.update((tx) => tx.put('doc', { ...stale, Spec: { Image: 'y' } }));
    expect(() => s.update((tx) => tx.put('doc', { ...stale, Spec: { Image: 'z' } }))).toThrow(
      'update out of sequence',
    );
    expect(s.get<Doc>('doc', 'a')!.Spec.Image).toBe('y');
  });
});
