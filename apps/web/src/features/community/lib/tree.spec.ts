import type { PostDto, PostNode } from '@echo-hub/protocol';
import { describe, expect, it } from 'vitest';
import { displayOrder, flattenTree, quoteMarkdown } from './tree';

const post = (number: number, parent: number | null, name = `Person ${number}`, body = ''): PostDto =>
  ({
    id: `p${number}`,
    threadId: 't1',
    parentId: parent === null ? null : `p${parent}`,
    number,
    opening: number === 1,
    author: { id: `u${number}`, displayName: name },
    body,
  }) as PostDto;

const shown = (posts: PostDto[], maxIndent?: number) =>
  displayOrder(posts, maxIndent).map((d) => `${d.post.number}@${d.depth}${d.replyingTo ? `>${d.replyingTo.id}` : ''}`);

describe('thread display order', () => {
  it('puts each reply after its parent, depth first, whatever order posts arrive in', () => {
    const posts = [post(4, 2), post(1, null), post(3, null), post(2, 1), post(5, 1)];
    expect(shown(posts)).toEqual(['1@0', '2@1', '4@2', '5@1', '3@0']);
  });

  it('stops indenting at the limit and says whom a deeper reply answers', () => {
    const chain = [post(1, null), post(2, 1), post(3, 2, 'Dr Patel'), post(4, 3)];
    expect(shown(chain, 2)).toEqual(['1@0', '2@1', '3@2', '4@2>p3']);
    expect(displayOrder(chain, 2)[3].replyingTo).toEqual({ id: 'p3', name: 'Dr Patel' });
  });

  it('shows a reply whose parent is missing (deleted for good) at the top level', () => {
    expect(shown([post(1, null), post(3, 2)])).toEqual(['1@0', '3@0']);
  });

  it('handles a chain thousands of replies deep without overflowing the stack', () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => post(i + 1, i === 0 ? null : i));
    const order = displayOrder(chain);
    expect(order).toHaveLength(20_000);
    expect(order[19_999]).toMatchObject({ depth: 4, replyingTo: { id: 'p19999' } });
  });
});

describe('server trees and quotes', () => {
  it('flattens a reply tree in reading order without the replies field', () => {
    const node = (p: PostDto, replies: PostNode[] = []): PostNode => ({ ...p, replies });
    const tree = [node(post(1, null), [node(post(2, 1), [node(post(4, 2))]), node(post(3, 1))])];
    const flat = flattenTree(tree);
    expect(flat.map((p) => p.number)).toEqual([1, 2, 4, 3]);
    expect(flat.every((p) => !('replies' in p))).toBe(true);
  });

  it('quotes a post as Markdown, line by line, at most 20 lines', () => {
    expect(quoteMarkdown(post(2, 1, 'Ciara Quinn', '  First line\nSecond line  \n'))).toBe(
      '> **Ciara Quinn** wrote:\n> First line\n> Second line\n\n',
    );
    const long = quoteMarkdown(post(2, 1, 'Ciara', Array.from({ length: 30 }, (_, i) => `l${i}`).join('\n')));
    expect(long.split('\n').filter((l) => l.startsWith('> l'))).toHaveLength(20);
  });
});
