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
