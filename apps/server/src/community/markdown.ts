import MarkdownIt from 'markdown-it';

type Token = MarkdownIt.Token;

/** Someone who may be mentioned: by display name (`@Ciara Quinn`) or email local part (`@linkworker.ards`). */
export interface MentionCandidate {
  id: string;
  displayName: string;
  email: string;
}

interface RenderEnv {
  /** Handles (lower case) → person, longest first. */
  handles?: [string, MentionCandidate][];
  /** Filled while rendering: the people mentioned, in order, once each. */
  mentioned?: MentionCandidate[];
}

/** Longer input than any post may have is cut (the API refuses it before it gets here). */
export const RENDER_MAX_CHARS = 50_000;
/** Mentions notified per post at most (Discourse's max_mentions_per_post is 10). */
export const MAX_MENTIONS = 10;
/** `@` signs looked at per post, so a wall of them stays cheap. */
const MAX_AT_SIGNS = 200;

const SAFE_LINK = /^(https?:|mailto:)/i;
const ATTACHMENT = /^attachment:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const WORD = /[\p{L}\p{N}_]/u;

/**
 * Markdown for posts: markdown-it without raw HTML (`html: false`), nesting capped, links only
 * http, https and mailto (plus `attachment:<id>` for files uploaded to the group, which the client
 * loads with the reader's own token), every link `rel="nofollow noopener noreferrer"`. Images from
 * other sites are shown as links, so a post cannot track its readers.
 */
function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt('default', { html: false, linkify: true, breaks: true });
  // Deep nesting (5000 `>` or `[`) stops at 20 levels; the rest is shown as text.
  Object.assign(md.options, { maxNesting: 20 });
  md.validateLink = (url) => SAFE_LINK.test(url.trim()) || ATTACHMENT.test(url.trim());
  md.core.ruler.push('mentions', (state) => {
    const env = state.env as RenderEnv;
    if (!env.handles?.length) return;
    const budget = { atSigns: MAX_AT_SIGNS };
    for (const block of state.tokens) {
      if (block.type !== 'inline' || !block.children) continue;
      let inLink = 0;
      const out: Token[] = [];
      for (const t of block.children) {
        if (t.type === 'link_open') inLink++;
        if (t.type === 'link_close') inLink--;
        if (t.type === 'text' && !inLink && t.content.includes('@'))
          out.push(...splitMentions(state.Token, t, env, budget));
        else out.push(t);
      }
      block.children = out;
    }
  });

  const escape = md.utils.escapeHtml;
  md.renderer.rules.link_open = (tokens, idx) => {
    const href = tokens[idx].attrGet('href') ?? '';
    const attachment = ATTACHMENT.exec(href);
    if (attachment) {
      const id = attachment[1].toLowerCase();
      return `<a class="attachment-link" href="/api/attachments/${id}" data-attachment="${id}">`;
    }
    return `<a href="${escape(href)}" rel="nofollow noopener noreferrer" target="_blank">`;
  };
  md.renderer.rules.image = (tokens, idx, options, env, self) => {
    const token = tokens[idx];
    const src = token.attrGet('src') ?? '';
    const alt = self.renderInlineAsText(token.children ?? [], options, env);
    const attachment = ATTACHMENT.exec(src);
    if (attachment) {
      return `<img class="attachment-image" data-attachment="${attachment[1].toLowerCase()}" alt="${escape(alt)}">`;
    }
    return `<a href="${escape(src)}" rel="nofollow noopener noreferrer" target="_blank">${escape(alt || src)}</a>`;
  };
  return md;
}

function splitMentions(
  TokenClass: new (type: string, tag: string, nesting: MarkdownIt.Token.Nesting) => Token,
  t: Token,
  env: RenderEnv,
  budget: { atSigns: number },
): Token[] {
  const text = t.content;
  const handles = env.handles ?? [];
  const pieces: Token[] = [];
  let from = 0;
  const push = (type: string, content: string) => {
    const piece = new TokenClass(type, '', 0);
    piece.content = content;
    pieces.push(piece);
  };
  for (let at = text.indexOf('@'); at !== -1 && budget.atSigns > 0; at = text.indexOf('@', at + 1)) {
    budget.atSigns--;
    if (at > 0 && WORD.test(text[at - 1])) continue; // an email address, not a mention
    const rest = text.slice(at + 1, at + 1 + 120).toLowerCase();
    const hit = handles.find(([h]) => rest.startsWith(h) && !WORD.test(rest.charAt(h.length)));
    if (!hit) continue;
    const [handle, person] = hit;
    const shown = text.slice(at, at + 1 + handle.length);
    if (at > from) push('text', text.slice(from, at));
    push('html_inline', `<span class="mention" data-user-id="${person.id}">${escapeHtml(shown)}</span>`);
    const mentioned = (env.mentioned ??= []);
    if (!mentioned.some((m) => m.id === person.id)) mentioned.push(person);
    from = at + 1 + handle.length;
    at = from - 1;
  }
  if (!pieces.length) return [t];
  if (from < text.length) push('text', text.slice(from));
  return pieces;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const md = createMarkdown();

/** Handles for mention matching: display names and email local parts, longest first so "@Ann Lee" beats "@Ann". */
export function mentionHandles(people: MentionCandidate[]): [string, MentionCandidate][] {
  const handles: [string, MentionCandidate][] = [];
  for (const p of people) {
    const name = p.displayName.trim().toLowerCase();
    const local = p.email.split('@')[0]?.toLowerCase() ?? '';
    if (name) handles.push([name, p]);
    if (local && local !== name) handles.push([local, p]);
  }
  return handles.sort((a, b) => b[0].length - a[0].length);
}

export interface Rendered {
  html: string;
  /** People mentioned (at most MAX_MENTIONS, in order of first mention). */
  mentioned: MentionCandidate[];
}

/** Renders a post's Markdown to safe HTML and finds who it mentions among `people`. */
export function renderMarkdown(source: string, people: MentionCandidate[] = []): Rendered {
  const env: RenderEnv = { handles: people.length ? mentionHandles(people) : undefined };
  const html = md.render(source.slice(0, RENDER_MAX_CHARS), env);
  return { html, mentioned: (env.mentioned ?? []).slice(0, MAX_MENTIONS) };
}

/** The words of a post without markup, for search and notification excerpts. */
export function plainText(source: string): string {
  const words: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const t of tokens) {
      if (t.children) walk(t.children);
      else if (['text', 'code_inline', 'code_block', 'fence'].includes(t.type)) words.push(t.content);
      else if (t.type === 'softbreak' || t.type === 'hardbreak') words.push(' ');
    }
  };
  walk(md.parse(source.slice(0, RENDER_MAX_CHARS), {}));
  return words.join(' ').replace(/\s+/g, ' ').trim();
}

/** A short plain-text excerpt. */
export function excerpt(source: string, max = 200): string {
  const text = plainText(source);
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
