import { turnCredentials } from './turn-credentials';

describe('turnCredentials', () => {
  const turn = { urls: ['turns:turn.example.org:443?transport=tcp'], secret: 'north-wing-secret', ttlSeconds: 3600 };
  const now = Date.UTC(2026, 0, 1, 12, 0, 0);

  it('makes the TURN REST username: expiry in unix seconds, then the user id', () => {
    const sut = turnCredentials(turn, 'user-42', now);
    expect(sut.username).toBe(`${now / 1000 + 3600}:user-42`);
    expect(sut.urls).toEqual(turn.urls);
  });

  it('signs the username with HMAC-SHA1 of the secret, base64 (the value coturn computes)', () => {
    // Computed independently: printf '1767272400:user-42' | openssl dgst -sha1 -hmac north-wing-secret -binary | base64
    expect(turnCredentials(turn, 'user-42', now).credential).toBe('OJycp9nte01944LuWGt2hufVNt4=');
  });

  it('differs per user and per secret', () => {
    const a = turnCredentials(turn, 'a', now).credential;
    expect(turnCredentials(turn, 'b', now).credential).not.toBe(a);
    expect(turnCredentials({ ...turn, secret: 'another-secret-x' }, 'a', now).credential).not.toBe(a);
  });
});
