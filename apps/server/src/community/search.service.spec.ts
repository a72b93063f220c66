import { ftsQuery, highlightHtml, queryTerms, tsQuery } from './search.service';

describe('search query and highlighting', () => {
  it('keeps only words, so nothing a reader types is FTS syntax', () => {
    expect(queryTerms('carers" OR NEAR(x) * -walking: group^')).toEqual([
      'carers',
      'OR',
      'NEAR',
      'x',
      'walking',
      'group',
    ]);
    expect(ftsQuery(['walking', 'gro'])).toBe('"walking" "gro"*');
    expect(tsQuery(['walking', 'gro'])).toBe('walking & gro:*');
    expect(queryTerms('  ---  ')).toEqual([]);
  });

  it('escapes the text and only the match marks become <mark>', () => {
    expect(highlightHtml('<script>x</script> \u0002walk\u0003ing & "tea"')).toBe(
      '&lt;script&gt;x&lt;/script&gt; <mark>walk</mark>ing &amp; &quot;tea&quot;',
    );
    expect(highlightHtml('\u0003stray \u0002open')).toBe('stray <mark>open</mark>');
  });
});
