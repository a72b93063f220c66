import { pageOf, type SortKey } from './page';

interface Row {
  name: string;
  id: string;
}
const BY_NAME: SortKey<Row>[] = [
  { expr: 'name', dir: 'ASC', of: (r) => r.name },
  { expr: 'id', dir: 'DESC', of: (r) => r.id },
];

describe('pageOf: a list computed in memory in cursor pages', () => {
  const rows: Row[] = [
    { name: 'b', id: '1' },
    { name: 'a', id: '1' },
    { name: 'a', id: '2' },
    { name: 'c', id: '1' },
    { name: 'b', id: '2' },
  ];

  it('walks every row once in key order (each key in its direction), ties across page boundaries', () => {
    const seen: Row[] = [];
    let cursor: string | undefined;
    const sizes: number[] = [];
    do {
      const page = pageOf(rows, BY_NAME, { limit: 2, cursor });
      seen.push(...page.items);
      sizes.push(page.items.length);
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual([
      { name: 'a', id: '2' },
      { name: 'a', id: '1' },
      { name: 'b', id: '2' },
      { name: 'b', id: '1' },
      { name: 'c', id: '1' },
    ]);
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('continues after the cursor even when rows were added before it meanwhile', () => {
    const first = pageOf(rows, BY_NAME, { limit: 2 });
    const more = pageOf([...rows, { name: 'a', id: '3' }, { name: 'z', id: '9' }], BY_NAME, {
      limit: 10,
      cursor: first.next,
    });
    expect(more.items.map((r) => r.name + r.id)).toEqual(['b2', 'b1', 'c1', 'z9']);
    expect(more.next).toBeUndefined();
  });

  it('refuses a cursor it did not give out', () => {
    expect(() => pageOf(rows, BY_NAME, { cursor: 'nope' })).toThrow(/cursor/);
  });
});
