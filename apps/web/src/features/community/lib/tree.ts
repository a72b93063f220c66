import type { PostDto } from '@echo-hub/protocol';

export interface DisplayPost {
  post: PostDto;
  /** Indent level, at most `maxIndent`. */
  depth: number;
  /** Set when the reply is deeper than the indent allows: whom it answers. */
  replyingTo: { id: string; name: string } | null;
}

/**
 * Posts (any order) → the order to show them in: the opening post, then each reply after its
 * parent, depth first. Indents up to `maxIndent` levels, then stays flat with "replying to …".
 * Iterative, so a very deep chain cannot overflow the stack.
 */
export function displayOrder(posts: PostDto[], maxIndent = 4): DisplayPost[] {
  const sorted = [...posts].sort((a, b) => a.number - b.number);
  const byId = new Map(sorted.map((p) => [p.id, p]));
  const children = new Map<string | null, PostDto[]>();
  for (const p of sorted) {
    const parent = p.parentId && byId.has(p.parentId) ? p.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), p]);
  }
  const out: DisplayPost[] = [];
  const stack: { post: PostDto; depth: number }[] = (children.get(null) ?? [])
    .map((post) => ({ post, depth: 0 }))
    .reverse();
  while (stack.length) {
    const { post, depth } = stack.pop() as { post: PostDto; depth: number };
    const parent = post.parentId ? byId.get(post.parentId) : undefined;
    out.push({
      post,
      depth: Math.min(depth, maxIndent),
      replyingTo: depth > maxIndent && parent ? { id: parent.id, name: parent.author.displayName } : null,
    });
    const kids = children.get(post.id) ?? [];
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ post: kids[i], depth: depth + 1 });
  }
  return out;
}

/** A server tree → its posts, flat (iteratively). */
export function flattenTree<T extends PostDto & { replies: T[] }>(roots: T[]): PostDto[] {
  const out: PostDto[] = [];
  const stack = [...roots].reverse();
  while (stack.length) {
    const node = stack.pop() as T;
    const { replies, ...post } = node;
    out.push(post);
    for (let i = replies.length - 1; i >= 0; i--) stack.push(replies[i]);
  }
  return out;
}

/** Markdown that quotes a post: "> **Name** wrote:" then its text, each line quoted. */
export function quoteMarkdown(post: PostDto): string {
  const lines = post.body.trim().split('\n').slice(0, 20);
  return `> **${post.author.displayName}** wrote:\n${lines.map((l) => `> ${l}`).join('\n')}\n\n`;
}
