import { excerpt, type MentionCandidate, plainText, RENDER_MAX_CHARS, renderMarkdown } from './markdown';

const ciara: MentionCandidate = { id: 'u-ciara', displayName: 'Ciara Quinn', email: 'linkworker.ards@echo.demo' };
const ciaraO: MentionCandidate = { id: 'u-ciara-o', displayName: 'Ciara', email: 'ciara.o@echo.demo' };
const patrick: MentionCandidate = { id: 'u-patrick', displayName: 'Patrick Boyle', email: 'carer.donegal@echo.demo' };
const people = [ciara, ciaraO, patrick];

/** Every tag in the HTML, with its attributes, e.g. `a href="…" rel="…"`. */
const tags = (html: string) => [...html.matchAll(/<([a-z][a-z0-9]*)((?:\s[^>]*)?)>/gi)].map((m) => m[1].toLowerCase());
const ALLOWED_TAGS = new Set([
  'p',
  'br',
  'strong',
  'em',
  's',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'span',
  'img',
]);

/** The rendered HTML parsed back: no tag outside the allowlist, no event handler, no script URL. */
function expectHarmless(html: string) {
  for (const tag of tags(html)) expect(ALLOWED_TAGS).toContain(tag);
  expect(html).not.toMatch(/<[^>]+\son[a-z]+\s*=/i);
  expect(html).not.toMatch(/(href|src)\s*=\s*"\s*(javascript|vbscript|data|file):/i);
  for (const img of html.matchAll(/<img\b[^>]*>/g)) expect(img[0]).not.toMatch(/\ssrc=/);
}

describe('renderMarkdown (posts)', () => {
  it('renders ordinary Markdown', () => {
    const { html } = renderMarkdown('**Goal setting** works:\n\n- ask *what matters*\n- `small steps`');
    expect(html).toContain('<strong>Goal setting</strong>');
    expect(html).toContain('<li>ask <em>what matters</em></li>');
    expect(html).toContain('<code>small steps</code>');
  });

  it('shows raw HTML as text: script tags and <img onerror> never become elements', () => {
    const { html } = renderMarkdown('<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> <b onclick="x()">b</b>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(tags(html)).toEqual(['p', 'p']);
    expectHarmless(html);
  });

  it('links only http, https and mailto, each with rel="nofollow noopener noreferrer"', () => {
    const { html } = renderMarkdown(
      '[a](javascript:alert(1)) [b](JaVaScRiPt:alert(1)) [c](data:text/html;base64,PHNjcmlwdD4=) ' +
        '[d](vbscript:msgbox) [e](/relative) [f](//evil.example) <javascript:alert(1)> ' +
        '[ok](https://www.nhs.uk/live-well/) [mail](mailto:hub@echo.demo) www.example.org',
    );
    const hrefs = [...html.matchAll(/<a [^>]*href="([^"]*)"[^>]*>/g)].map((m) => m[1]);
    expect(hrefs).toEqual(['https://www.nhs.uk/live-well/', 'mailto:hub@echo.demo', 'http://www.example.org']);
    for (const a of html.matchAll(/<a [^>]*>/g)) expect(a[0]).toContain('rel="nofollow noopener noreferrer"');
    expect(html).toContain('[a](javascript:alert(1))');
    expectHarmless(html);
  });

  it('escapes attribute-breaking characters in links', () => {
    const { html } = renderMarkdown('[x](https://example.org/"onmouseover="alert(1))');
    expect(html).not.toMatch(/"\s*onmouseover=/);
    expectHarmless(html);
  });

  it('shows uploaded files by id (loaded with the reader’s token) and other sites’ images only as links', () => {
    const id = '123e4567-e89b-42d3-a456-426614174000';
    const { html } = renderMarkdown(
      `![scan](attachment:${id}) ![pixel](https://tracker.example/p.gif) [pdf](attachment:${id})`,
    );
    expect(html).toContain(`<img class="attachment-image" data-attachment="${id}" alt="scan">`);
    expect(html).toContain(`<a class="attachment-link" href="/api/attachments/${id}" data-attachment="${id}">pdf</a>`);
    expect(html).toContain('<a href="https://tracker.example/p.gif" rel="nofollow noopener noreferrer"');
    expect(html).not.toContain('src=');
  });

  it('survives 5000 levels of > and [ nesting, cut at a sane depth (a hang fails the per-test timeout)', () => {
    const quotes = renderMarkdown(`${'>'.repeat(5000)} deep`);
    expect((quotes.html.match(/<blockquote>/g) ?? []).length).toBeLessThanOrEqual(20);
    expectHarmless(quotes.html);

    const brackets = renderMarkdown(`${'['.repeat(5000)}x${']'.repeat(5000)}(https://example.org)`);
    expect(brackets.html.length).toBeLessThan(30_000);
    expectHarmless(brackets.html);

    const lists = renderMarkdown(`${'- '.repeat(5000)}x`);
    expect((lists.html.match(/<ul>/g) ?? []).length).toBeLessThanOrEqual(20);
    for (const src of ['*'.repeat(50_000), '_a'.repeat(20_000), '![['.repeat(10_000), '<'.repeat(50_000)]) {
      expectHarmless(renderMarkdown(src).html);
    }
  }, 10_000);

  it('cuts very long input instead of rendering megabytes', () => {
    const { html } = renderMarkdown('a'.repeat(2_000_000));
    expect(html.length).toBeLessThanOrEqual(RENDER_MAX_CHARS + 20);
  }, 10_000);
});

describe('mentions', () => {
  it('finds people by display name or email local part, longest name first, once each', () => {
    const { html, mentioned } = renderMarkdown(
      'Thanks @Ciara Quinn! @carer.donegal could you share? Also @ciara and again @Ciara Quinn.',
      people,
    );
    expect(mentioned.map((m) => m.id)).toEqual(['u-ciara', 'u-patrick', 'u-ciara-o']);
    expect(html).toContain('<span class="mention" data-user-id="u-ciara">@Ciara Quinn</span>');
    expect(html).toContain('<span class="mention" data-user-id="u-patrick">@carer.donegal</span>');
  });

  it('ignores email addresses, code, links and unknown names', () => {
    const { mentioned } = renderMarkdown(
      'Write to ciara@example.org. `@Ciara Quinn`\n\n```\n@Patrick Boyle\n```\n\n[@Ciara Quinn](https://example.org) @Nobody @Ciaran',
      people,
    );
    expect(mentioned).toEqual([]);
  });

  it('escapes what a name displays', () => {
    const odd: MentionCandidate = { id: 'u-odd', displayName: 'A<b>', email: 'odd@x.org' };
    const { html, mentioned } = renderMarkdown('hi @A<b> there', [odd]);
    expect(mentioned).toEqual([odd]);
    expect(html).toContain('<span class="mention" data-user-id="u-odd">@A&lt;b&gt;</span>');
  });

  it('stays cheap on a wall of @ signs', () => {
    const { mentioned } = renderMarkdown('@'.repeat(50_000) + ' @Ciara Quinn', people);
    expect(mentioned).toEqual([]);
  }, 10_000);
});

describe('plainText and excerpt', () => {
  it('drops markup, keeps words (for search and notifications)', () => {
    expect(plainText('# Goals\n\nAsk **what matters** to [them](https://x.org)\n\n> quoted')).toBe(
      'Goals Ask what matters to them quoted',
    );
    expect(excerpt('word '.repeat(100), 20)).toBe('word word word word…');
  });
});
