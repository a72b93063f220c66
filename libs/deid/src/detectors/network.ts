/** URLs and IP addresses. Safe Harbor lists both without exception, so even public sites are flagged. */
import type { Candidate } from '../types';
import { eachMatch } from '../text';

const SCHEME_URL = /\b(?:https?|ftp):\/\/[^\s<>"'`]+/gi;
const WWW_URL = /(?<![\w.@-])www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s<>"'`]*/gi;
/**
 * A bare domain ("instagram.com/chloe.h") needs a known top-level domain so that abbreviations such
 * as "e.g." or "H. pylori" never match, and must not be the tail of an email address.
 */
const BARE_URL =
  /(?<![\w.@/-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:com|org|net|edu|gov|io|co|uk|ie|be|ly|me|info|biz|us|ca|au|app|health|scot|wales|eu)(?![\w@-])(?:\/[^\s<>"'`]*)?/gi;

/** Trailing punctuation belongs to the sentence, except a ')' that closes a '(' inside the URL. */
function trimUrl(url: string): string {
  let u = url.replace(/[.,;:!?'"\]]+$/, '');
  while (u.endsWith(')') && (u.match(/\(/g) ?? []).length < (u.match(/\)/g) ?? []).length) {
    u = u.slice(0, -1).replace(/[.,;:!?'"]+$/, '');
  }
  return u;
}

export function detectUrls(text: string): Candidate[] {
  const out: Candidate[] = [];
  const add = (m: RegExpExecArray, confidence: number, reason: string): void => {
    const url = trimUrl(m[0]);
    if (url.length > 4) out.push({ kind: 'URL', start: m.index, end: m.index + url.length, reason, confidence });
  };
  eachMatch(SCHEME_URL, text, (m) => add(m, 0.97, 'Web address (URL)'));
  eachMatch(WWW_URL, text, (m) => add(m, 0.96, 'Web address (URL)'));
  eachMatch(BARE_URL, text, (m) => add(m, 0.9, 'Web address (domain name)'));
  return out;
}

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
/** Not part of a longer dotted number (a version string or an OID), and not preceded by "v" as in v1.2.3.4. */
const IPV4 = new RegExp(`(?<![\\w.])${OCTET}(?:\\.${OCTET}){3}(?!\\w|\\.\\d)`, 'g');
const IPV6_SHAPE = /(?<![\w:.])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])/gi;

/**
 * Accepts full (8-group) or compressed ("::") IPv6. Times ("10:30:15"), ratios ("1:10") and HLA
 * alleles ("B*15:02") have too few groups and no "::", so they never qualify.
 */
function isIpv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  return halves.length === 2 ? groups.length >= 1 && groups.length <= 7 : groups.length === 8;
}

export function detectIps(text: string): Candidate[] {
  const out: Candidate[] = [];
  eachMatch(IPV4, text, (m) => {
    if (/\bv(?:ersion)?\s*$/i.test(text.slice(Math.max(0, m.index - 9), m.index))) return;
    out.push({ kind: 'IP', start: m.index, end: m.index + m[0].length, reason: 'IPv4 address', confidence: 0.93 });
  });
  eachMatch(IPV6_SHAPE, text, (m) => {
    if (isIpv6(m[0])) {
      out.push({ kind: 'IP', start: m.index, end: m.index + m[0].length, reason: 'IPv6 address', confidence: 0.93 });
    }
  });
  return out;
}
