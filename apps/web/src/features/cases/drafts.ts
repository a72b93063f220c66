/**
 * Drafts are in no session's queue, so "My cases" would not find them: the browser remembers
 * the drafts saved on it (ids only, never case text).
 */
const key = (userId: string) => `echo-hub.caseDrafts.${userId}`;

export interface RememberedDraft {
  id: string;
  programId: string;
}

export function rememberedDrafts(userId: string): RememberedDraft[] {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(key(userId)) ?? '[]');
    return Array.isArray(parsed)
      ? parsed.filter((d): d is RememberedDraft => typeof d?.id === 'string' && typeof d?.programId === 'string')
      : [];
  } catch {
    return [];
  }
}

export function rememberDraft(userId: string, draft: RememberedDraft): void {
  const others = rememberedDrafts(userId).filter((d) => d.id !== draft.id);
  localStorage.setItem(key(userId), JSON.stringify([...others, draft].slice(-50)));
}

export function forgetDraft(userId: string, id: string): void {
  localStorage.setItem(key(userId), JSON.stringify(rememberedDrafts(userId).filter((d) => d.id !== id)));
}
